import { createProposalBodySchema, createProposalRequestSchema } from './proposal';

describe('createProposalBodySchema', () => {
  const body = 'Installer des arceaux à vélos devant chaque école du quartier.';

  it('accepts titles of 15 to 150 characters after trimming', () => {
    expect(createProposalBodySchema.safeParse({ title: 'a'.repeat(15), body }).success).toBe(true);
    expect(createProposalBodySchema.safeParse({ title: 'a'.repeat(150), body }).success).toBe(true);
    expect(createProposalBodySchema.safeParse({ title: 'a'.repeat(14), body }).success).toBe(false);
    expect(createProposalBodySchema.safeParse({ title: 'a'.repeat(151), body }).success).toBe(false);
    expect(createProposalBodySchema.safeParse({ title: `   ${'a'.repeat(14)}    `, body }).success).toBe(false);
    expect(createProposalBodySchema.parse({ title: `  ${'a'.repeat(15)}  `, body }).title).toBe('a'.repeat(15));
  });

  it('rejects a title of 3 characters on the title field', () => {
    const result = createProposalBodySchema.safeParse({ title: 'Vél', body });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['title']);
  });

  it('accepts a body of up to 10,000 characters, not empty', () => {
    const title = 'Des arceaux à vélos devant les écoles';
    expect(createProposalBodySchema.safeParse({ title, body: 'b'.repeat(10_000) }).success).toBe(true);
    expect(createProposalBodySchema.safeParse({ title, body: 'b'.repeat(10_001) }).success).toBe(false);
    expect(createProposalBodySchema.safeParse({ title, body: '   ' }).success).toBe(false);
  });

  it('rejects unknown keys, so clients cannot set the author or the state', () => {
    const title = 'Des arceaux à vélos devant les écoles';
    for (const extra of [
      { authorId: '01900000-0000-7000-8000-000000000001' },
      { state: 'published' },
      { reference: 'PROP-1' },
    ]) {
      const result = createProposalBodySchema.safeParse({ title, body, ...extra });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0].code).toBe('unrecognized_keys');
    }
  });

  it('accepts only the platform locales', () => {
    const title = 'Des arceaux à vélos devant les écoles';
    expect(createProposalBodySchema.parse({ title, body, locale: 'en' }).locale).toBe('en');
    expect(createProposalBodySchema.safeParse({ title, body, locale: 'de' }).success).toBe(false);
  });
});

describe('createProposalRequestSchema', () => {
  const valid = { title: 'Des arceaux à vélos devant les écoles', body: 'Pour que les enfants viennent à vélo.' };

  it('needs the uuid of the process', () => {
    expect(createProposalRequestSchema.safeParse(valid).success).toBe(false);
    expect(createProposalRequestSchema.safeParse({ ...valid, processId: 'budget-2026' }).success).toBe(false);
    expect(
      createProposalRequestSchema.safeParse({ ...valid, processId: '01900000-0000-7000-8000-0000000000aa' }).success,
    ).toBe(true);
  });

  it('stays strict once extended', () => {
    expect(
      createProposalRequestSchema.safeParse({ ...valid, processId: '01900000-0000-7000-8000-0000000000aa', votes: 3 })
        .success,
    ).toBe(false);
  });
});
