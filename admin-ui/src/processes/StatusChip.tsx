import { recordChip } from '../common';
import type { Process } from '../types';

const looks = {
  draft: { color: 'default', variant: 'outlined' },
  published: { color: 'success', variant: 'filled' },
  closed: { color: 'default', variant: 'filled' },
} as const;

/** The process's status as a chip: outlined for a draft, green once published, grey once closed. */
export const StatusChip = recordChip<Process>((process) => ({
  label: `app.process.status.${process.status}`,
  fallback: process.status,
  ...(looks[process.status] ?? looks.draft),
}));

/** Public or private (invited people only). */
export const VisibilityChip = recordChip<Process>((process) => ({
  label: `app.process.visibility.${process.visibility}`,
  fallback: process.visibility,
  color: process.visibility === 'private' ? 'warning' : 'default',
  variant: 'outlined',
}));
