import type { FrameworkSummary } from '@convergences/contracts';
import { recordChip } from '../common';

/** Draft (being written, amber) or adopted (frozen, green). */
export const FrameworkStatusChip = recordChip<FrameworkSummary>((framework) => ({
  label: `app.evaluation.frameworkStatus.${framework.status}`,
  fallback: framework.status,
  color: framework.status === 'adopted' ? 'success' : 'warning',
  variant: framework.status === 'adopted' ? 'filled' : 'outlined',
}));
