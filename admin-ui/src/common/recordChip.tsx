import { Chip, type ChipProps } from '@mui/material';
import { type FieldProps, type RaRecord, useRecordContext, useTranslate } from 'react-admin';

/** How a record shows as a chip: the translation key of its label and its colours. */
export interface ChipLook {
  label: string;
  /** What shows when `label` has no translation (the raw value). */
  fallback?: string;
  color?: ChipProps['color'];
  variant?: ChipProps['variant'];
}

/** A field showing the record (from the props or the context) as a small chip that `look` describes. */
export function recordChip<RecordType extends RaRecord>(look: (record: RecordType) => ChipLook) {
  return function RecordChip(props: Partial<FieldProps<RecordType>>) {
    const record = useRecordContext<RecordType>(props);
    const translate = useTranslate();
    if (!record) return null;
    const { label, fallback, color, variant } = look(record);
    return (
      <Chip
        size="small"
        color={color}
        variant={variant}
        label={translate(label, fallback === undefined ? undefined : { _: fallback })}
      />
    );
  };
}
