import { Alert, LinearProgress } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Proposal, Valuation } from '../types';
import { useValuation } from './useValuation';

/**
 * The proposal of the record context as its admins and valuators study it (held answer,
 * valuators, notes), for what needs more than the public proposal.
 */
export const WithValuation = ({ children }: { children: (valuation: Valuation) => ReactNode }) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const { data, isPending, error } = useValuation(record?.id);
  if (!record) return null;
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate('app.valuation.unavailable')}</Alert>;
  return <>{children(data)}</>;
};
