import type { VerificationKind, VerificationMethod } from '@convergences/contracts';

// The contracts reach the browser as types only: every kind and method is listed here, checked against them.
const kinds: Record<VerificationKind, true> = { residency: true };
const methods: Record<VerificationMethod, true> = { manual: true, census: true, code: true };

export const kindChoices = (Object.keys(kinds) as VerificationKind[]).map((id) => ({
  id,
  name: `app.verification.kind.${id}`,
}));
export const methodChoices = (Object.keys(methods) as VerificationMethod[]).map((id) => ({
  id,
  name: `app.verification.method.${id}`,
}));
export const activeChoices = [
  { id: 'true', name: 'app.verification.active' },
  { id: 'false', name: 'app.verification.inactive' },
];

/** A `datetime-local` value (local time, no zone) as an ISO instant, or nothing when empty. */
export const instantOf = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);
