import { CsvCopy } from './csv-copy';

/** Feeds rows as Postgres sends them (one CopyData message per row, LF-ended), then ReadyForQuery. */
function copyOf(rows: string[], bounds: { maxLines: number; maxBytes: number }) {
  const copy = new CsvCopy('copy (select 1) to stdout with (format csv)', bounds);
  for (const row of rows) copy.handleCopyData({ chunk: Buffer.from(row) });
  copy.handleCommandComplete();
  copy.handleReadyForQuery();
  return copy.done;
}

const id = (n: number) => `019a0000-0000-7000-8000-00000000000${n}`;

describe('CsvCopy', () => {
  it('ends every line in CRLF, keeping LF inside quoted cells', async () => {
    const copied = await copyOf([`${id(1)};"deux\nlignes";x\n`, `${id(2)};b;y\n`], { maxLines: 10, maxBytes: 1000 });
    expect(copied.bytes.toString()).toBe(`${id(1)};"deux\nlignes";x\r\n${id(2)};b;y\r\n`);
    expect(copied).toMatchObject({ lines: 2, lastFirstCell: id(2), more: false });
  });

  it('keeps at most `maxLines` lines, and says more rows came', async () => {
    const copied = await copyOf([`${id(1)};a\n`, `${id(2)};b\n`, `${id(3)};c\n`], { maxLines: 2, maxBytes: 1000 });
    expect(copied).toMatchObject({ lines: 2, lastFirstCell: id(2), more: true });
    expect(copied.bytes.toString()).toBe(`${id(1)};a\r\n${id(2)};b\r\n`);
  });

  it('stops keeping lines before `maxBytes` is passed, but always keeps the first', async () => {
    const long = 'x'.repeat(100);
    const rows = [`${id(1)};${long}\n`, `${id(2)};${long}\n`, `${id(3)};a\n`];
    const bounded = await copyOf(rows, { maxLines: 10, maxBytes: 250 });
    expect(bounded).toMatchObject({ lines: 1, lastFirstCell: id(1), more: true });
    // A line after the bound is not kept either, short as it is: the lines stay one run.
    expect(bounded.bytes.length).toBe(rows[0].length + 1);
    expect(await copyOf(rows, { maxLines: 10, maxBytes: 10 })).toMatchObject({ lines: 1, more: true });
  });

  it('answers nothing kept for no row', async () => {
    const copied = await copyOf([], { maxLines: 10, maxBytes: 1000 });
    expect(copied).toMatchObject({ lines: 0, lastFirstCell: null, more: false });
    expect(copied.bytes.length).toBe(0);
  });

  it('fails on a row that is not one CSV line, and on an error from the server', async () => {
    await expect(copyOf([`${id(1)};a`], { maxLines: 10, maxBytes: 1000 })).rejects.toThrow(/not one CSV line/);
    const copy = new CsvCopy('copy (select 1) to stdout with (format csv)', { maxLines: 10, maxBytes: 1000 });
    copy.handleError(new Error('relation "proposals" does not exist'));
    await expect(copy.done).rejects.toThrow(/does not exist/);
  });
});
