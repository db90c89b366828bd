import type { Debate } from '@convergences/contracts';
import { useRecordContext, useTranslate } from 'react-admin';
import { useTranslatedText } from '../common';

/** The page's title: « Débat « its title » ». */
export const DebateTitle = () => {
  const record = useRecordContext<Debate>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const name = translate('resources.debates.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${pick(record.title)} »` : name}</span>;
};
