import { DomainError, type Actor, type Dimension, type Indicator, type Proposal } from '@convergences/contracts';
import {
  assertComplete,
  assertDraft,
  assertMayBecomeCriterion,
  assertMayEdit,
  assertMayStartVersion,
  changedIndicator,
  frameworkGaps,
  mayRead,
  permutationErrors,
  type FrameworkFacts,
} from './framework.policy';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const actor: Actor = {
  personId: id(900),
  subject: 'sub',
  username: 'camille',
  displayName: 'Camille',
  roles: ['participant'],
  locale: 'fr',
};
const draft: FrameworkFacts = { id: id(1), status: 'draft', version: 2, processId: id(50) };
const adopted: FrameworkFacts = { ...draft, status: 'adopted' };

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error');
}

const indicator = (n: number, fields: Partial<Indicator> = {}): Indicator => ({
  id: id(300 + n),
  stableId: id(400 + n),
  criterionId: id(200),
  position: 1,
  title: { fr: `Indicateur ${n}` },
  description: null,
  kind: 'yes_no',
  unit: null,
  higherIsBetter: null,
  target: null,
  levels: [],
  ...fields,
});
const dimension = (criteria: Dimension['criteria']): Dimension => ({
  id: id(100),
  stableId: id(101),
  position: 1,
  title: { fr: 'Ancrage territorial' },
  description: null,
  criteria,
});
const criterion = (indicators: Indicator[]) => ({
  id: id(200),
  stableId: id(201),
  dimensionId: id(100),
  position: 1,
  title: { fr: 'Partenariats locaux' },
  description: null,
  narrativeRequired: false,
  evidenceAllowed: true,
  origin: null,
  indicators,
});

describe('who reads and writes a framework', () => {
  it('lets anyone read an adopted version, and only editors and admins read a draft', () => {
    expect(mayRead({ actor: null, isAdmin: false, isEditor: false }, 'adopted')).toBe(true);
    expect(mayRead({ actor, isAdmin: false, isEditor: false }, 'draft')).toBe(false);
    expect(mayRead({ actor, isAdmin: false, isEditor: true }, 'draft')).toBe(true);
    expect(mayRead({ actor, isAdmin: true, isEditor: false }, 'draft')).toBe(true);
  });

  it('asks anonymous callers to sign in and refuses signed-in non-editors', () => {
    expect(caught(() => assertMayEdit({ actor: null, isAdmin: false, isEditor: false }, 'edit')).code).toBe(
      'unauthenticated',
    );
    expect(caught(() => assertMayEdit({ actor, isAdmin: false, isEditor: false }, 'edit')).code).toBe('forbidden');
    expect(() => assertMayEdit({ actor, isAdmin: false, isEditor: true }, 'edit')).not.toThrow();
    expect(() => assertMayEdit({ actor, isAdmin: true, isEditor: false }, 'edit')).not.toThrow();
  });
});

describe('the lifecycle', () => {
  it('changes drafts only', () => {
    expect(() => assertDraft(draft)).not.toThrow();
    const error = caught(() => assertDraft(adopted));
    expect(error.code).toBe('framework_adopted');
    expect(error.message).toContain('Version 2');
  });

  it('starts a new version from an adopted one, when the lineage has no draft', () => {
    expect(() => assertMayStartVersion(adopted, undefined)).not.toThrow();
    expect(caught(() => assertMayStartVersion(draft, undefined)).code).toBe('conflict');
    const error = caught(() => assertMayStartVersion(adopted, { id: id(7), version: 3 }));
    expect(error.code).toBe('conflict');
    expect(error.details).toEqual({ draftId: id(7) });
  });
});

describe('completeness', () => {
  it('needs a dimension at least', () => {
    expect(frameworkGaps([])).toEqual([{ message: 'The framework has no dimension.' }]);
  });

  it('finds a dimension without criteria and a criterion without indicators', () => {
    expect(frameworkGaps([dimension([])])).toEqual([
      { dimensionId: id(100), message: 'Dimension “Ancrage territorial” has no criterion.' },
    ]);
    expect(frameworkGaps([dimension([criterion([])])])).toEqual([
      { dimensionId: id(100), criterionId: id(200), message: 'Criterion “Partenariats locaux” has no indicator.' },
    ]);
  });

  it('finds a level scale without levels, and levels without descriptors', () => {
    const label = { fr: 'Niveau' };
    const gaps = frameworkGaps([
      dimension([
        criterion([
          indicator(1, { kind: 'level_scale' }),
          indicator(2, {
            kind: 'level_scale',
            levels: [
              { value: 1, label, descriptor: { fr: 'Aucun partenariat' } },
              { value: 2, label, descriptor: null },
            ],
          }),
        ]),
      ]),
    ]);
    expect(gaps.map((gap) => [gap.indicatorId, gap.message])).toEqual([
      [id(301), 'Indicator “Indicateur 1” is a level scale without levels.'],
      [id(302), 'Level 2 of indicator “Indicateur 2” has no descriptor.'],
    ]);
  });

  it('adopts a complete framework and refuses an incomplete one with everything missing', () => {
    expect(() => assertComplete([dimension([criterion([indicator(1)])])])).not.toThrow();
    const error = caught(() => assertComplete([dimension([criterion([])]), { ...dimension([]), id: id(110) }]));
    expect(error.code).toBe('framework_incomplete');
    expect((error.details?.missing as unknown[]).length).toBe(2);
  });
});

describe('reordering', () => {
  const siblings = [id(1), id(2), id(3)];

  it('takes any permutation of the siblings', () => {
    expect(permutationErrors(siblings, [id(3), id(1), id(2)], 'dimensions')).toEqual([]);
  });

  it('refuses an id listed twice, an unknown one, or a missing one', () => {
    expect(permutationErrors(siblings, [id(1), id(1), id(2), id(3)], 'dimensions')).toEqual([
      { path: 'order.1', message: `${id(1)} is listed twice.` },
    ]);
    expect(permutationErrors(siblings, [id(1), id(2), id(3), id(9)], 'dimensions')[0]).toEqual({
      path: 'order.3',
      message: `${id(9)} is not one of the dimensions.`,
    });
    expect(permutationErrors(siblings, [id(2), id(1)], 'dimensions')).toEqual([
      { path: 'order', message: `The order must list all 3 dimensions; missing: ${id(3)}.` },
    ]);
  });
});

describe('changing an indicator', () => {
  const quantitative = {
    kind: 'quantitative' as const,
    title: { fr: 'Emplois créés' },
    description: null,
    unit: { fr: 'emplois' },
    higherIsBetter: true,
    target: 3,
  };

  it('keeps what is not changed', () => {
    expect(changedIndicator(quantitative, { target: 5 })).toEqual({ ...quantitative, target: 5 });
  });

  it('drops the old kind’s fields when the kind changes', () => {
    expect(changedIndicator(quantitative, { kind: 'yes_no' })).toEqual({
      kind: 'yes_no',
      title: { fr: 'Emplois créés' },
      description: null,
    });
  });

  it('refuses a field of another kind, and a scale of one level', () => {
    const wrongField = caught(() => changedIndicator(quantitative, { levels: [] }));
    expect(wrongField.errors).toEqual([{ path: 'levels', message: 'A quantitative indicator has no levels.' }]);
    const oneLevel = caught(() =>
      changedIndicator(quantitative, { kind: 'level_scale', levels: [{ value: 1, label: { fr: 'Seul' } }] }),
    );
    expect(oneLevel.code).toBe('validation_failed');
    expect(oneLevel.errors?.[0].path).toBe('levels');
  });
});

describe('co-construction', () => {
  const proposal = { id: id(60), processId: id(50), state: 'published' } as Proposal;

  it('takes a published proposal of the framework’s process', () => {
    expect(() => assertMayBecomeCriterion(draft, proposal)).not.toThrow();
  });

  it('refuses a proposal of another process, or any when the framework has no process', () => {
    expect(caught(() => assertMayBecomeCriterion(draft, { ...proposal, processId: id(51) })).code).toBe(
      'proposal_outside_process',
    );
    expect(caught(() => assertMayBecomeCriterion({ ...draft, processId: null }, proposal)).code).toBe(
      'proposal_outside_process',
    );
  });

  it('refuses a withdrawn proposal', () => {
    expect(caught(() => assertMayBecomeCriterion(draft, { ...proposal, state: 'withdrawn' })).code).toBe(
      'proposal_withdrawn',
    );
  });
});
