import { DomainError, type TerritoryType } from '@convergences/contracts';
import { assertCodeFits, assertMayPlaceTerritory } from './territory-placement';

const parent = (id: string, type: TerritoryType, ancestorIds: string[] = []) => ({ id, type, ancestorIds });

function errorOf(action: () => void): DomainError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('assertMayPlaceTerritory', () => {
  it('lets a territory sit under any strictly wider one, or at the root', () => {
    expect(
      errorOf(() => assertMayPlaceTerritory({ type: 'departement' }, parent('occitanie', 'region'))),
    ).toBeUndefined();
    expect(errorOf(() => assertMayPlaceTerritory({ type: 'commune' }, parent('gard', 'departement')))).toBeUndefined();
    expect(errorOf(() => assertMayPlaceTerritory({ type: 'commune' }, parent('mel', 'epci')))).toBeUndefined();
    expect(errorOf(() => assertMayPlaceTerritory({ type: 'quartier' }, parent('occitanie', 'region')))).toBeUndefined();
    expect(errorOf(() => assertMayPlaceTerritory({ type: 'commune' }, null))).toBeUndefined();
  });

  it('refuses a territory under a narrower one or one of the same level, naming parentId', () => {
    const cases: [TerritoryType, TerritoryType][] = [
      ['region', 'departement'],
      ['departement', 'departement'],
      ['epci', 'commune'],
      ['commune', 'quartier'],
      ['commune', 'commune'],
    ];
    for (const [child, parentType] of cases) {
      expect(errorOf(() => assertMayPlaceTerritory({ type: child }, parent('p', parentType)))).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'parentId' })],
      });
    }
  });

  it('refuses a territory under itself or under one of its sub-territories, as a conflict', () => {
    const gard = { id: 'gard', type: 'departement' as const };
    expect(errorOf(() => assertMayPlaceTerritory(gard, parent('gard', 'region')))).toMatchObject({
      code: 'conflict',
      details: { field: 'parentId' },
    });
    // Le Vigan sits in the Gard: the Gard cannot move under it, even were the types to fit.
    expect(
      errorOf(() =>
        assertMayPlaceTerritory({ id: 'occitanie', type: 'region' }, parent('vigan', 'commune', ['occitanie', 'gard'])),
      ),
    ).toMatchObject({ code: 'conflict', details: { field: 'parentId', parentId: 'vigan' } });
  });
});

describe('assertCodeFits', () => {
  it('accepts the official codes of each type', () => {
    const codes: [TerritoryType, string][] = [
      ['region', '76'],
      ['departement', '30'],
      ['departement', '2A'],
      ['departement', '974'],
      ['epci', '200093201'],
      ['commune', '30189'],
      ['commune', '2B033'],
      ['quartier', '123'],
    ];
    for (const [type, code] of codes) expect(errorOf(() => assertCodeFits(type, code))).toBeUndefined();
    expect(errorOf(() => assertCodeFits('commune', null))).toBeUndefined();
    expect(errorOf(() => assertCodeFits('commune', undefined))).toBeUndefined();
  });

  it('refuses a code of the wrong shape for the type, naming code', () => {
    const codes: [TerritoryType, string][] = [
      ['region', '076'],
      ['departement', '301'],
      ['departement', '977'],
      ['epci', '2430006'],
      ['commune', '3018'],
      ['commune', '30'],
    ];
    for (const [type, code] of codes) {
      expect(errorOf(() => assertCodeFits(type, code))).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'code' })],
      });
    }
  });
});
