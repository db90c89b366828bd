import { DomainError, mayNestTerritory, type TerritoryType } from '@convergences/contracts';

/** The territory another is to sit under, as the tree holds it. */
export interface TerritoryParent {
  id: string;
  type: TerritoryType;
  /** Root first, down to this territory's own parent. */
  ancestorIds: readonly string[];
}

/**
 * A territory sits under a strictly wider one (a commune under an EPCI or a département, never
 * the reverse), and never under itself or one of its own sub-territories. `territory.id` is
 * absent for a territory not created yet. A territory without a parent is a root, of any type.
 */
export function assertMayPlaceTerritory(
  territory: { id?: string; type: TerritoryType },
  parent: TerritoryParent | null,
): void {
  if (!parent) return;
  if (territory.id && (parent.id === territory.id || parent.ancestorIds.includes(territory.id))) {
    throw new DomainError('conflict', 'A territory cannot sit under itself or one of its own sub-territories.', {
      field: 'parentId',
      parentId: parent.id,
    });
  }
  if (!mayNestTerritory(parent.type, territory.type)) {
    throw new DomainError('validation_failed', `A ${territory.type} cannot sit under a ${parent.type}.`, undefined, [
      { path: 'parentId', message: `a ${territory.type} sits only under a wider territory than a ${parent.type}` },
    ]);
  }
}

/** The shape of each type's official code; a quartier's code is free (any code the contract accepts). */
const codeShapes: Record<TerritoryType, { pattern: RegExp; hint: string } | null> = {
  region: { pattern: /^\d{2}$/, hint: "a région's INSEE code has 2 digits (76 for Occitanie)" },
  departement: { pattern: /^(\d{2}|2A|2B|97[1-6])$/, hint: "a département's code is like 30, 2A or 974" },
  epci: { pattern: /^\d{9}$/, hint: "an EPCI's code is its 9-digit SIREN number" },
  commune: { pattern: /^(\d{5}|2[AB]\d{3})$/, hint: "a commune's INSEE code has 5 characters, like 30189 or 2A004" },
  quartier: null,
};

/** Refuses an official code that cannot be one for this type of territory. */
export function assertCodeFits(type: TerritoryType, code: string | null | undefined): void {
  const shape = codeShapes[type];
  if (!code || !shape || shape.pattern.test(code)) return;
  throw new DomainError('validation_failed', `This is not the code of a ${type}.`, undefined, [
    { path: 'code', message: shape.hint },
  ]);
}
