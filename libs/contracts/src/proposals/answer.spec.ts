import { answerProposalBodySchema, createAnswerStateBodySchema, importAnswersRequestSchema } from './answer';

describe('answerProposalBodySchema', () => {
  it('needs an answer text to reject, on the body field', () => {
    const result = answerProposalBodySchema.safeParse({ state: 'rejected' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['body']);
    expect(answerProposalBodySchema.safeParse({ state: 'rejected', body: { fr: 'Hors compétence.' } }).success).toBe(
      true,
    );
    expect(answerProposalBodySchema.safeParse({ state: 'evaluating' }).success).toBe(true);
  });

  it('takes costs as non-negative integer cents only', () => {
    for (const costCents of [-5, 12.5, '100']) {
      const result = answerProposalBodySchema.safeParse({ state: 'accepted', costCents });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['costCents']);
    }
    expect(answerProposalBodySchema.safeParse({ state: 'accepted', costCents: 0 }).success).toBe(true);
  });

  it('rejects unknown keys, so nobody sets who answered or when', () => {
    const result = answerProposalBodySchema.safeParse({ state: 'accepted', answeredBy: 'someone' });
    expect(result.error!.issues[0].code).toBe('unrecognized_keys');
  });
});

describe('createAnswerStateBodySchema', () => {
  const state = { key: 'etude-technique', label: { fr: 'En étude technique' }, colour: '#1f77b4' };

  it('accepts a slug key, a French label and a #rrggbb colour', () => {
    expect(createAnswerStateBodySchema.safeParse(state).success).toBe(true);
  });

  it('refuses built-in keys, bad slugs and bad colours on their field', () => {
    const fieldOf = (input: object) =>
      createAnswerStateBodySchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(fieldOf({ ...state, key: 'accepted' })).toEqual(['key']);
    expect(fieldOf({ ...state, key: 'En étude' })).toEqual(['key']);
    expect(fieldOf({ ...state, colour: 'blue' })).toEqual(['colour']);
    expect(fieldOf({ ...state, label: { en: 'Technical study' } })).toEqual(['label.fr']);
  });
});

describe('importAnswersRequestSchema', () => {
  it('is no dry run unless asked', () => {
    const processId = '01900000-0000-7000-8000-0000000000aa';
    expect(importAnswersRequestSchema.parse({ processId, csv: 'id;state' }).dryRun).toBe(false);
  });
});
