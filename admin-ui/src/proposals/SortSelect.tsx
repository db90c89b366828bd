import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { type SortPayload, useListSortContext, useTranslate } from 'react-admin';

/** One of the API's named orders (`recent`, `mostSupported`, …) as the list's sort. */
export interface NamedSort {
  name: string;
  label: string;
  sort: SortPayload;
}

/**
 * Picks one of the API's named orders, beyond what the columns sort by. A column header may
 * have turned the order round: the order of the same field is shown then.
 */
export const SortSelect = ({ sorts }: { sorts: readonly NamedSort[] }) => {
  const translate = useTranslate();
  const { sort, setSort } = useListSortContext();
  const current =
    sorts.find((named) => named.sort.field === sort.field && named.sort.order === sort.order) ??
    sorts.find((named) => named.sort.field === sort.field);
  return (
    <MuiTextField
      select
      size="small"
      label={translate('app.proposal.sort.label')}
      value={current?.name ?? ''}
      onChange={(event) => {
        const chosen = sorts.find((named) => named.name === event.target.value);
        if (chosen) setSort(chosen.sort);
      }}
      sx={{ minWidth: 220 }}
    >
      {sorts.map((named) => (
        <MenuItem key={named.name} value={named.name}>
          {translate(named.label)}
        </MenuItem>
      ))}
    </MuiTextField>
  );
};
