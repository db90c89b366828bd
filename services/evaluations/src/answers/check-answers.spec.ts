import { DomainError, type Answer, type Criterion, type Indicator } from '@convergences/contracts';
import {
  assertAnswersComplete,
  checkAnswers,
  missingAnswers,
  storedNarrative,
  storedValue,
  type AnsweredFramework,
} from './check-answers';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error');
}

const indicator = (n: number, criterion: number, fields: Partial<Indicator>): Indicator => ({
  id: id(300 + n),
  stableId: id(400 + n),
  criterionId: id(criterion),
  position: n,
  title: { fr: `Indicateur ${n}` },
  description: null,
  kind: 'yes_no',
  unit: null,
  higherIsBetter: null,
  target: null,
  levels: [],
  ...fields,
});
const levels = [0, 1, 2, 3].map((value) => ({
  value,
  label: { fr: ['Absent', 'Émergent', 'Établi', 'Exemplaire'][value] },
  descriptor: null,
}));

/** Criterion 200: a count, a level and a yes/no, evidence allowed; 201: a story to tell, no evidence. */
const partnerships: Criterion = {
  id: id(200),
  stableId: id(210),
  dimensionId: id(100),
  position: 1,
  title: { fr: 'Partenariats locaux' },
  description: null,
  narrativeRequired: false,
  evidenceAllowed: true,
  origin: null,
  indicators: [
    indicator(1, 200, { kind: 'quantitative', unit: { fr: 'partenaires' }, higherIsBetter: true }),
    indicator(2, 200, { kind: 'level_scale', levels }),
    indicator(3, 200, { kind: 'yes_no' }),
  ],
};
const governance: Criterion = {
  ...partnerships,
  id: id(201),
  stableId: id(211),
  position: 2,
  title: { fr: 'Gouvernance partagée' },
  evidenceAllowed: false,
  indicators: [indicator(4, 201, { kind: 'narrative' }), indicator(5, 201, { kind: 'yes_no' })],
};
const inclusion: Criterion = {
  ...partnerships,
  id: id(202),
  stableId: id(212),
  position: 3,
  title: { fr: 'Inclusion' },
  narrativeRequired: true,
  indicators: [indicator(6, 202, { kind: 'yes_no' })],
};
const framework: AnsweredFramework = {
  version: 3,
  dimensions: [
    {
      id: id(100),
      stableId: id(110),
      position: 1,
      title: { fr: 'Ancrage territorial' },
      description: null,
      criteria: [partnerships, governance, inclusion],
    },
  ],
};

describe('answers that fit the framework', () => {
  it('takes a value of each kind, a narrative, evidence where allowed, and clearing', () => {
    expect(() =>
      checkAnswers(framework, [
        {
          criterionId: id(200),
          narrative: 'Nous travaillons avec la régie de quartier.',
          evidence: [{ label: 'Convention', url: 'https://exemple.org/convention.pdf' }],
          values: [
            { indicatorId: id(301), value: 12.5 },
            { indicatorId: id(302), value: 2 },
            { indicatorId: id(303), value: true },
          ],
        },
        { criterionId: id(201), evidence: [], values: [{ indicatorId: id(305), value: null }] },
        { criterionId: id(202), narrative: null },
      ]),
    ).not.toThrow();
  });
});

describe('answers that do not fit', () => {
  const problems = (answers: Parameters<typeof checkAnswers>[1]) => {
    const error = caught(() => checkAnswers(framework, answers));
    expect(error.code).toBe('validation_failed');
    return error.errors ?? [];
  };

  it('names a criterion of another version', () => {
    expect(problems([{ criterionId: id(999) }])).toEqual([
      { path: 'answers.0.criterionId', message: `Criterion ${id(999)} is not in version 3 of this framework.` },
    ]);
  });

  it('refuses the same criterion twice', () => {
    const errors = problems([{ criterionId: id(200) }, { criterionId: id(200), narrative: 'Encore' }]);
    expect(errors).toEqual([{ path: 'answers.1.criterionId', message: expect.stringContaining('answered twice') }]);
  });

  it('refuses an indicator of another criterion, or the same indicator twice', () => {
    const errors = problems([
      {
        criterionId: id(200),
        values: [
          { indicatorId: id(305), value: true },
          { indicatorId: id(303), value: true },
          { indicatorId: id(303), value: false },
        ],
      },
    ]);
    expect(errors).toEqual([
      {
        path: 'answers.0.values.0.indicatorId',
        message: `Indicator ${id(305)} is not an indicator of criterion "Partenariats locaux".`,
      },
      { path: 'answers.0.values.2.indicatorId', message: expect.stringContaining('given twice') },
    ]);
  });

  it('lists the allowed levels of a scale', () => {
    const [error] = problems([{ criterionId: id(200), values: [{ indicatorId: id(302), value: 7 }] }]);
    expect(error.path).toBe('answers.0.values.0.value');
    expect(error.message).toBe(
      '7 is not a level of "Indicateur 2": give one of 0 (Absent), 1 (Émergent), 2 (Établi), 3 (Exemplaire).',
    );
    expect(problems([{ criterionId: id(200), values: [{ indicatorId: id(302), value: 1.5 }] }])).toHaveLength(1);
    expect(problems([{ criterionId: id(200), values: [{ indicatorId: id(302), value: true }] }])).toHaveLength(1);
  });

  it('wants true or false for yes/no, and a finite number for a quantity', () => {
    expect(problems([{ criterionId: id(200), values: [{ indicatorId: id(303), value: 1 }] }])).toEqual([
      { path: 'answers.0.values.0.value', message: '"Indicateur 3" is a yes/no indicator: give true or false, not 1.' },
    ]);
    expect(problems([{ criterionId: id(200), values: [{ indicatorId: id(301), value: false }] }])).toEqual([
      {
        path: 'answers.0.values.0.value',
        message: '"Indicateur 1" is a quantitative indicator: give a number, not false.',
      },
    ]);
    expect(problems([{ criterionId: id(200), values: [{ indicatorId: id(301), value: Infinity }] }])).toEqual([
      {
        path: 'answers.0.values.0.value',
        message: '"Indicateur 1" is a quantitative indicator: give a finite number.',
      },
    ]);
    expect(problems([{ criterionId: id(200), values: [{ indicatorId: id(301), value: NaN }] }])).toHaveLength(1);
  });

  it('refuses a value for a narrative indicator', () => {
    expect(problems([{ criterionId: id(201), values: [{ indicatorId: id(304), value: 2 }] }])).toEqual([
      { path: 'answers.0.values.0.value', message: expect.stringContaining("answered by the criterion's narrative") },
    ]);
  });

  it('refuses evidence where the criterion takes none', () => {
    expect(
      problems([{ criterionId: id(201), evidence: [{ label: 'Statuts', url: 'https://exemple.org/statuts' }] }]),
    ).toEqual([{ path: 'answers.0.evidence', message: 'Criterion "Gouvernance partagée" takes no evidence.' }]);
  });

  it('names every problem at once', () => {
    const errors = problems([
      { criterionId: id(999) },
      { criterionId: id(200), values: [{ indicatorId: id(303), value: 3 }] },
      { criterionId: id(201), evidence: [{ label: 'PV', url: 'https://exemple.org/pv' }] },
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      'answers.0.criterionId',
      'answers.1.values.0.value',
      'answers.2.evidence',
    ]);
  });
});

describe('completeness', () => {
  const complete: Answer[] = [
    {
      criterionId: id(200),
      narrative: null,
      evidence: [],
      values: [
        { indicatorId: id(301), value: 4 },
        { indicatorId: id(302), value: 1 },
        { indicatorId: id(303), value: 0 },
      ],
    },
    {
      criterionId: id(201),
      narrative: 'Un conseil ouvert aux usagers.',
      evidence: [],
      values: [{ indicatorId: id(305), value: 1 }],
    },
    {
      criterionId: id(202),
      narrative: 'Des chantiers d’insertion.',
      evidence: [],
      values: [{ indicatorId: id(306), value: 1 }],
    },
  ];

  it('finds nothing missing in a complete assessment', () => {
    expect(missingAnswers(framework, complete)).toEqual([]);
    expect(() => assertAnswersComplete(framework, complete)).not.toThrow();
  });

  it('lists every unvalued indicator and untold story, in the order of the framework', () => {
    expect(missingAnswers(framework, [])).toEqual([
      { criterionId: id(200), missing: [`indicator:${id(301)}`, `indicator:${id(302)}`, `indicator:${id(303)}`] },
      { criterionId: id(201), missing: ['narrative', `indicator:${id(305)}`] },
      { criterionId: id(202), missing: ['narrative', `indicator:${id(306)}`] },
    ]);
  });

  it('needs a narrative where the criterion asks for one or has a narrative indicator, and nowhere else', () => {
    const noStories = complete.map((answer) => ({ ...answer, narrative: '  ' }));
    expect(missingAnswers(framework, noStories)).toEqual([
      { criterionId: id(201), missing: ['narrative'] },
      { criterionId: id(202), missing: ['narrative'] },
    ]);
  });

  it('refuses to submit an incomplete assessment, with what is missing', () => {
    const error = caught(() => assertAnswersComplete(framework, complete.slice(1)));
    expect(error.code).toBe('assessment_incomplete');
    expect(error.details).toEqual({
      missing: [
        { criterionId: id(200), missing: [`indicator:${id(301)}`, `indicator:${id(302)}`, `indicator:${id(303)}`] },
      ],
    });
  });
});

describe('storage', () => {
  it('keeps yes/no as 1/0 and an empty narrative as none', () => {
    expect([storedValue(true), storedValue(false), storedValue(2.5)]).toEqual([1, 0, 2.5]);
    expect([storedNarrative(''), storedNarrative('  '), storedNarrative(null), storedNarrative('Récit')]).toEqual([
      null,
      null,
      null,
      'Récit',
    ]);
  });
});
