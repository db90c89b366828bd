import type { Territory } from '@convergences/contracts';
import type { SxProps, Theme } from '@mui/material';
import { AutocompleteInput, ReferenceInput } from 'react-admin';

/** A territory as people recognise it: its name, with its official code when it has one. */
export const territoryLabel = (territory: Territory): string =>
  territory.code ? `${territory.name} (${territory.code})` : territory.name;

const searchByName = (q: string) => (q ? { q } : {});

export interface TerritoryInputProps {
  source: string;
  label?: string;
  helperText?: string | false;
  size?: 'small' | 'medium';
  sx?: SxProps<Theme>;
  /** Read by list filters: the filter is always shown. */
  alwaysOn?: boolean;
}

/**
 * Picks one of the territories of `processes`, searched by name (`GET /territories?q=`), in a
 * form or as a list filter. Empty means no territory.
 */
export const TerritoryInput = ({ source, label, helperText, size, sx }: TerritoryInputProps) => (
  <ReferenceInput source={source} reference="territories" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput
      optionText={territoryLabel}
      filterToQuery={searchByName}
      label={label}
      helperText={helperText}
      size={size}
      sx={sx ?? { minWidth: 260 }}
    />
  </ReferenceInput>
);
