import type { Territory } from '@convergences/contracts';
import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { territoryLabel } from '../common';

export interface TerritoryAutocompleteProps {
  value: Territory | null;
  onChange: (territory: Territory | null) => void;
  label: string;
  helperText?: string;
  margin?: 'normal' | 'dense' | 'none';
  fullWidth?: boolean;
  sx?: object;
}

/**
 * Picks a territory by name in a dialog or a screen that is not a react-admin form (where
 * `TerritoryInput` cannot live); the territories come from `GET /territories?q=`.
 */
export const TerritoryAutocomplete = ({
  value,
  onChange,
  label,
  helperText,
  margin,
  fullWidth,
  sx,
}: TerritoryAutocompleteProps) => {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const { data = [], isPending } = useGetList<Territory>('territories', {
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'name', order: 'ASC' },
    filter: search ? { q: search } : {},
  });
  return (
    <Autocomplete<Territory>
      options={data}
      value={value}
      onChange={(_, territory) => onChange(territory)}
      onInputChange={(_, text, reason) => setSearch(reason === 'input' ? text.trim() : '')}
      getOptionLabel={territoryLabel}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      // The API searches (accents and case ignored): show what it answered.
      filterOptions={(options) => options}
      loading={isPending}
      noOptionsText={translate('ra.navigation.no_results')}
      fullWidth={fullWidth}
      sx={sx}
      renderInput={(params) => (
        <TextField {...params} name="territoryId" label={label} helperText={helperText} margin={margin} />
      )}
    />
  );
};
