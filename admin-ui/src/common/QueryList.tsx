import { Alert, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface QueryListProps<Item> {
  items: Item[] | undefined;
  isPending: boolean;
  error: unknown;
  /** Message keys for a failed and an empty list. */
  unavailable: string;
  none: string;
  children: (items: Item[]) => ReactNode;
}

/** A list a query fetches: a progress bar while it loads, a message if it failed or is empty, else the list. */
export function QueryList<Item>({ items, isPending, error, unavailable, none, children }: QueryListProps<Item>) {
  const translate = useTranslate();
  return (
    <>
      {isPending ? <LinearProgress /> : null}
      {error ? <Alert severity="error">{translate(unavailable)}</Alert> : null}
      {items && items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(none)}
        </Typography>
      ) : null}
      {items && items.length > 0 ? children(items) : null}
    </>
  );
}
