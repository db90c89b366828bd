import { Box } from '@mui/material';
import { type FieldProps, useRecordContext } from 'react-admin';

/** A theme's colour as a small swatch. */
export const ColourSwatch = ({ colour }: { colour: string }) => (
  <Box
    component="span"
    title={colour}
    sx={{
      display: 'inline-block',
      width: 14,
      height: 14,
      borderRadius: '50%',
      bgcolor: colour,
      border: 1,
      borderColor: 'divider',
      verticalAlign: 'middle',
    }}
  />
);

export const ColourField = (props: Partial<FieldProps<{ id: string; colour: string }>>) => {
  const record = useRecordContext(props);
  return record ? <ColourSwatch colour={record.colour} /> : null;
};
