import type { AdminPerson } from '@convergences/contracts';
import { recordChip } from '../common';

export const blockedChoices = [
  { id: 'true', name: 'app.person.blockState.blocked' },
  { id: 'false', name: 'app.person.blockState.active' },
];

/** Whether the person is blocked, as a chip: red when blocked. */
export const BlockStateChip = recordChip<AdminPerson>((person) => ({
  label: person.blocked ? 'app.person.blockState.blocked' : 'app.person.blockState.active',
  color: person.blocked ? 'error' : 'success',
  variant: person.blocked ? 'filled' : 'outlined',
}));
