import type { OrganizationKind } from '@convergences/contracts';

// The contracts reach the browser as types only: every kind is listed here, checked against them.
const kinds: Record<OrganizationKind, true> = {
  association: true,
  cooperative: true,
  amap: true,
  regie_de_quartier: true,
  relais_local: true,
  tiers_lieu: true,
  collectivite: true,
  reseau: true,
  other: true,
};

export const kindChoices = Object.keys(kinds).map((kind) => ({ id: kind, name: `app.organization.kind.${kind}` }));

export const statusChoices = [
  { id: 'pending', name: 'app.organization.status.pending' },
  { id: 'verified', name: 'app.organization.status.verified' },
];
