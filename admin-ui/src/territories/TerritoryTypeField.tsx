import type { TerritoryType } from '@convergences/contracts';
import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

/** A territory type as a small label (région, département, EPCI, commune, quartier). */
export const TerritoryTypeChip = ({ type }: { type: TerritoryType }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate(`app.territory.type.${type}`, { _: type })} />;
};

export const TerritoryTypeField = (props: Partial<FieldProps<{ id: string; type: TerritoryType }>>) => {
  const record = useRecordContext(props);
  return record ? <TerritoryTypeChip type={record.type} /> : null;
};
