import {
  csvCell,
  openDataColumns,
  openDataCsvLine,
  openDataProposalOf,
  type ProposalExportRow,
} from './proposal-export';

const row: ProposalExportRow = {
  id: '019a0000-0000-7000-8000-000000000001',
  processId: '019a0000-0000-7000-8000-000000000002',
  reference: 'PROP-2026-000001',
  title: 'Des arceaux à vélos devant les écoles',
  body: 'Pour que les enfants viennent à vélo.',
  locale: 'fr',
  state: 'published',
  official: false,
  themeId: null,
  territoryId: null,
  address: null,
  latitude: 44.35,
  longitude: -1.5,
  supportsCount: 12,
  endorsementsCount: 3,
  commentsCount: 0,
  answer: {
    state: 'accepted',
    body: { fr: 'Retenue.' },
    costCents: 123405,
    costReport: null,
    executionPeriod: '2027',
    answeredAt: '2026-12-01T10:00:00.000Z',
  },
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
  publishedAt: '2026-11-30T10:00:00.000Z',
  withdrawnAt: null,
};

describe('csvCell', () => {
  it.each(['=1+1', '+33 6', '-2 rue', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (text) => {
    expect(csvCell(text).replace(/^"/, '').startsWith(`'${text[0]}`)).toBe(true);
  });

  it('quotes what holds the separator, quotes or line breaks', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('il a dit "oui"')).toBe('"il a dit ""oui"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
  });

  it('leaves numbers, booleans and plain text as they are, and null empty', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(false)).toBe('false');
    expect(csvCell('Rodez')).toBe('Rodez');
    expect(csvCell(null)).toBe('');
  });
});

describe('open data', () => {
  it("uses Decidim's names: the published answer's state, votes, cost in currency units", () => {
    expect(openDataProposalOf(row)).toMatchObject({
      state: 'accepted',
      title: { fr: row.title, en: null },
      votes: 12,
      endorsements: { total_count: 3 },
      cost: '1234.05',
      withdrawn: false,
    });
  });

  it('writes one cell per column, in order', () => {
    const cells = openDataCsvLine(row).trimEnd().split(';');
    expect(cells).toHaveLength(openDataColumns.length);
    expect(cells[openDataColumns.indexOf('title/fr')]).toBe(row.title);
    expect(cells[openDataColumns.indexOf('longitude')]).toBe('-1.5');
    expect(cells[openDataColumns.indexOf('votes')]).toBe('12');
    expect(openDataColumns).toEqual(
      expect.arrayContaining(['id', 'title/fr', 'body/fr', 'answer/fr', 'endorsements/total_count', 'published_at']),
    );
  });
});
