import { DomainError } from '@convergences/contracts';
import { costInCents, parseAnswersCsv, readAnswerRows } from './answers-csv';

const read = (csv: string) => {
  const { header, records } = parseAnswersCsv(csv);
  return readAnswerRows(header, records);
};
const a = '01900000-0000-7000-8000-00000000000a';
const b = '01900000-0000-7000-8000-00000000000b';
const c = '01900000-0000-7000-8000-00000000000c';

describe('answers CSV', () => {
  it("reads Decidim's columns, with quoted texts, costs in euros and columns it ignores", () => {
    const csv = [
      '\uFEFFid;state;answer/fr;answer/en;cost;cost_report/fr;execution_period;title/fr',
      `${a};accepted;"Oui; dès 2027.";Yes;"1 500,50";Budget voirie;2027;Des arceaux`,
      `${b.toUpperCase()};rejected;Hors compétence.;;;;;Un stade`,
    ].join('\r\n');
    expect(read(csv)).toEqual({
      rows: [
        {
          line: 2,
          proposalId: a,
          state: 'accepted',
          body: { fr: 'Oui; dès 2027.', en: 'Yes' },
          costCents: 150_050,
          costReport: { fr: 'Budget voirie' },
          executionPeriod: '2027',
        },
        {
          line: 3,
          proposalId: b,
          state: 'rejected',
          body: { fr: 'Hors compétence.' },
          costCents: undefined,
          costReport: undefined,
          executionPeriod: undefined,
        },
      ],
      rejected: [],
    });
  });

  it('refuses rows with a bad id, a duplicate, a bad cost or a wrong column count, with line and reason', () => {
    const csv = [
      'id;state;answer/fr;cost',
      'PROP-2026-000001;accepted;Oui;',
      `${a};evaluating;;`,
      `${a};accepted;Oui;`,
      `${b};accepted;Oui;-5`,
      `${c};accepted;Oui;12.345`,
      `${c};accepted`,
    ].join('\n');
    const { rows, rejected } = read(csv);
    expect(rows.map((row) => row.line)).toEqual([3]);
    expect(rejected.map(({ line, id, reason }) => ({ line, id, reason }))).toEqual([
      { line: 2, id: 'PROP-2026-000001', reason: 'unknown_id' },
      { line: 4, id: a, reason: 'duplicate' },
      { line: 5, id: b, reason: 'bad_cost' },
      { line: 6, id: c, reason: 'bad_cost' },
      { line: 7, id: c, reason: 'column_count' },
    ]);
  });

  it('needs the id and state columns, and CSV text', () => {
    for (const csv of ['', 'id;answer/fr\nx;y', 'id,state\nx,y', 'id;state\n"unclosed;x']) {
      expect(() => read(csv)).toThrow(DomainError);
    }
  });

  it('reads costs in euros as integer cents', () => {
    expect(costInCents('1500')).toBe(150_000);
    expect(costInCents('1500.5')).toBe(150_050);
    expect(costInCents('1 500,05 €')).toBe(150_005);
    expect(costInCents('0')).toBe(0);
    for (const bad of ['-5', '1e3', '12.345', 'mille', '']) expect(costInCents(bad)).toBeNull();
  });
});
