import { DomainError } from '@convergences/contracts';
import { buildCensusReport, normaliseBirthDate, normaliseIdentifier, parseCensusCsv } from './census-csv';

const report = (csv: string) => {
  const { header, records } = parseCensusCsv(csv);
  return buildCensusReport(header, records);
};

describe('census CSV', () => {
  it('reads a `;` file with a birth date and reports each refused row with its line and reason', () => {
    const csv = [
      'document_number;birth_date',
      '12 345-ab;1980-02-29',
      ';1990-01-01',
      'X99;31/02/1990',
      '12345AB;1980-02-29',
      '',
      'Y77;15/06/1975',
      'Z1;2000-01-01;extra',
    ].join('\n');
    const { accepted, rejected } = report(csv);
    expect(accepted).toEqual([
      { line: 2, identifier: '12345AB', birthDate: '1980-02-29' },
      { line: 7, identifier: 'Y77', birthDate: '1975-06-15' },
    ]);
    expect(rejected.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 3, reason: 'empty_identifier' },
      { line: 4, reason: 'bad_date' },
      { line: 5, reason: 'duplicate' },
      { line: 8, reason: 'column_count' },
    ]);
    expect(rejected[2].message).toContain('line 2');
  });

  it('reads a `,` file with the identifier alone, quoted fields included', () => {
    expect(report('identifier\r\n"A,1"\r\nb2\r\n').accepted).toEqual([
      { line: 2, identifier: 'A1', birthDate: null },
      { line: 3, identifier: 'B2', birthDate: null },
    ]);
  });

  it('refuses text that is not CSV or has no identifier column, as a bad request', () => {
    for (const csv of ['identifier\n"abc\nxyz', 'name;birth_date\nA;2000-01-01', '\n\n']) {
      expect(() => parseCensusCsv(csv)).toThrow(DomainError);
      try {
        parseCensusCsv(csv);
      } catch (error) {
        expect((error as DomainError).code).toBe('bad_request');
      }
    }
  });

  it('normalises identifiers: accents, case and separators do not matter', () => {
    expect(normaliseIdentifier(' é12.345-ab ')).toBe('E12345AB');
    expect(normaliseIdentifier(' - ')).toBe('');
  });

  it('accepts real dates only, ISO or French order', () => {
    expect(normaliseBirthDate('2000-01-31')).toBe('2000-01-31');
    expect(normaliseBirthDate('31/01/2000')).toBe('2000-01-31');
    expect(normaliseBirthDate('2001-02-29')).toBeNull();
    expect(normaliseBirthDate('2000-13-01')).toBeNull();
    expect(normaliseBirthDate('01-31-2000')).toBeNull();
  });
});
