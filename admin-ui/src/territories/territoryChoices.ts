import type { TerritoryType } from '@convergences/contracts';

// The contracts reach the browser as types only: every type is listed here, widest first, checked against them.
const types: Record<TerritoryType, true> = {
  region: true,
  departement: true,
  epci: true,
  commune: true,
  quartier: true,
};

export const territoryTypeChoices = Object.keys(types).map((type) => ({
  id: type,
  name: `app.territory.type.${type}`,
}));
