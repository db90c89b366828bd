import {
  openDataColumns,
  openDataCsvHeader,
  openDataProposalOf,
  proposalExportCsvChunkSchema,
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

  it('names every column once, Decidim’s way, in a header ending in CRLF', () => {
    expect(new Set(openDataColumns).size).toBe(openDataColumns.length);
    expect(openDataColumns).toEqual(
      expect.arrayContaining(['id', 'title/fr', 'body/fr', 'answer/fr', 'endorsements/total_count', 'published_at']),
    );
    expect(openDataCsvHeader).toBe(`${openDataColumns.join(';')}\r\n`);
    expect(openDataCsvHeader.startsWith('id;reference;title/fr;title/en;body/fr;')).toBe(true);
  });

  it('carries CSV chunks as base64, so that no text can swell a reply', () => {
    const csv = btoa('a;"b ""c"""\r\n');
    expect(proposalExportCsvChunkSchema.parse({ csv, next: null })).toEqual({ csv, next: null });
    expect(proposalExportCsvChunkSchema.safeParse({ csv: 'a;"b"\r\n', next: null }).success).toBe(false);
  });
});
