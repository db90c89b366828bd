// The open-data CSV as the service writes it (Postgres's COPY), against real Postgres and NATS:
// every cell says what the JSON export says, formulas neutralised, quoting as RFC 4180 wants,
// nothing hidden, chunks that page without a gap and stay within their byte bound.
import {
  openDataColumns,
  openDataCsvHeader,
  openDataProposalOf,
  type Actor,
  type OpenDataProposal,
  type Process,
  type ProposalExportRow,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { parse } from 'csv-parse/sync';
import { sql, type Kysely } from 'kysely';
import { brotliDecompressSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import type { ProposalsDatabase } from '../src/db/schema';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(90_000);

describe('the open-data CSV export', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let author: Actor;
  let main: Process;
  let hiding: Process;
  let seq = 0;
  let ref = 0;
  let minute = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `open-data-${++seq}` });
  const db = () => proposals.db as unknown as Kysely<ProposalsDatabase>;
  const ids: Record<string, string> = {};

  /** A proposal row as the lifecycle would have left it, each a minute younger than the last. */
  async function seed(
    processId: string,
    values: Partial<{
      title: string;
      body: string;
      locale: 'fr' | 'en';
      state: 'draft' | 'published' | 'withdrawn';
      address: string;
      at: [number, number];
      supports: number;
      hidden: boolean;
      official: boolean;
    }> = {},
  ): Promise<string> {
    const id = uuidv7();
    const state = values.state ?? 'published';
    const createdAt = new Date(Date.UTC(2026, 10, 1) + ++minute * 60_000 + 123);
    await db()
      .insertInto('proposals')
      .values({
        id,
        process_id: processId,
        reference: state === 'draft' ? null : `PROP-OD-${String(++ref).padStart(6, '0')}`,
        title: values.title ?? `Une proposition ouverte numéro ${ref}`,
        body: values.body ?? 'Le détail de la proposition.',
        locale: values.locale ?? 'fr',
        author_id: author.personId,
        state,
        official: values.official ?? false,
        organizer_name: values.official ? 'Mairie d’Espalion' : null,
        address: values.address ?? null,
        longitude: values.at?.[0] ?? null,
        latitude: values.at?.[1] ?? null,
        supports_count: values.supports ?? 0,
        created_at: createdAt,
        published_at: state === 'draft' ? null : createdAt,
        withdrawn_at: state === 'withdrawn' ? createdAt : null,
        hidden_at: values.hidden ? createdAt : null,
      })
      .execute();
    return id;
  }

  /** Every CSV chunk of a process's export, as asked one after the other. */
  async function csvChunks(processId: string, limit?: number) {
    const chunks: { bytes: Buffer; base64: number; next: string | null }[] = [];
    let after: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const chunk = await client.request(
        'proposals.proposal.exportCsvChunk',
        { processId, ...(limit ? { limit } : {}), ...(after ? { after } : {}) },
        as(null),
      );
      const bytes = brotliDecompressSync(Buffer.from(chunk.csv, 'base64'));
      chunks.push({ bytes, base64: chunk.csv.length, next: chunk.next });
      if (!chunk.next) break;
      after = chunk.next;
    }
    return chunks;
  }

  const csvOf = async (processId: string, limit?: number) =>
    Buffer.concat((await csvChunks(processId, limit)).map((chunk) => chunk.bytes)).toString('utf8');

  /** The file as a spreadsheet reads it: one record per proposal, keyed by column. */
  const recordsOf = (csv: string): Record<string, string>[] =>
    parse(csv, { delimiter: ';', columns: true, record_delimiter: '\r\n' });

  async function jsonRows(processId: string): Promise<ProposalExportRow[]> {
    const rows: ProposalExportRow[] = [];
    let after: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const chunk = await client.request(
        'proposals.proposal.exportChunk',
        { processId, limit: 1000, ...(after ? { after } : {}) },
        as(null),
      );
      rows.push(...chunk.rows);
      if (!chunk.next) return rows;
      after = chunk.next;
    }
    return rows;
  }

  /** What a cell must read, from the JSON export's record: text neutralised, numbers and booleans as JavaScript writes them. */
  function expectedCell(record: OpenDataProposal, column: string): string {
    let value: unknown = record;
    for (const key of column.split('/')) value = (value as Record<string, unknown> | null)?.[key];
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return String(value);
  }

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('open-data-export', 'open-data-test'));
    admin = await registerPerson(client, as(null), 'Admin', {
      username: 'admin',
      roles: ['admin', 'participant'],
      email: 'admin@example.org',
    });
    author = await registerPerson(client, as(null), 'Alice Vernadet', {
      username: 'alice',
      roles: ['participant'],
      email: 'alice@example.org',
    });
    const description = { fr: 'Une concertation ouverte.' };
    main = await client.request(
      'processes.process.create',
      { title: { fr: 'Budget participatif de Millau' }, description, status: 'published' },
      as(admin),
    );
    hiding = await client.request(
      'processes.process.create',
      { title: { fr: 'Soutiens à l’aveugle à Espalion' }, description, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, main.id, { proposals: { creationEnabled: true, supportsEnabled: true } });
    await openPhase(client, admin, hiding.id, { proposals: { supportsEnabled: true, supportsHidden: true } });

    ids.plain = await seed(main.id, {
      title: 'Des arceaux à vélos devant les écoles',
      at: [2.575, 44.35],
      supports: 7,
    });
    ids.formula = await seed(main.id, {
      title: '=HYPERLINK("http://example.org","clic")',
      body: '@SUM(1+1); "cité"\nligne deux',
      address: '-2 rue du Piège',
      at: [-1.5, 47.2],
    });
    ids.english = await seed(main.id, {
      locale: 'en',
      title: '+33 is not a formula here',
      body: 'Tabs\tand\r\nline breaks',
      address: '',
      official: true,
      at: [0.00001, -0.0000001],
    });
    ids.accepted = await seed(main.id, { title: 'Un jardin partagé dans le quartier', at: [0, 44.0001] });
    ids.held = await seed(main.id, { title: 'Plus de bancs sur la place du marché' });
    ids.withdrawn = await seed(main.id, { title: 'Une navette électrique vers la gare', state: 'withdrawn' });
    ids.draft = await seed(main.id, { title: 'Brouillon d’une piste cyclable', state: 'draft' });
    ids.hidden = await seed(main.id, { title: 'Proposition masquée par la modération', hidden: true });
    await sql`update proposals set answer_state = 'accepted',
        answer_body = ${JSON.stringify({ fr: 'Retenue; "enfin".', en: '=Accepted' })},
        answer_cost_cents = 123405, answer_cost_report = ${JSON.stringify({ fr: 'Devis du 3 mars.' })},
        answer_execution_period = '-2027', answered_at = now(), answer_published_at = now()
      where id = ${ids.accepted}`.execute(db());
    await sql`update proposals set answer_state = 'rejected', answer_body = ${JSON.stringify({ fr: 'Pas encore.' })},
        answered_at = now() where id = ${ids.held}`.execute(db());
    ids.hiddenSupports = await seed(hiding.id, { supports: 12 });
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('writes, cell for cell, what the JSON export says: text neutralised, numbers as numbers', async () => {
    const records = recordsOf(await csvOf(main.id));
    const expected = (await jsonRows(main.id)).map(openDataProposalOf);
    expect(records.map((r) => r.id)).toEqual([
      ids.plain,
      ids.formula,
      ids.english,
      ids.accepted,
      ids.held,
      ids.withdrawn,
    ]);
    for (const [i, record] of expected.entries()) {
      expect(records[i]).toEqual(Object.fromEntries(openDataColumns.map((c) => [c, expectedCell(record, c)])));
    }
    const byId = Object.fromEntries(records.map((r) => [r.id, r]));
    expect(byId[ids.accepted]).toMatchObject({
      state: 'accepted',
      'answer/fr': 'Retenue; "enfin".',
      'answer/en': "'=Accepted",
      cost: '1234.05',
      'cost_report/fr': 'Devis du 3 mars.',
      execution_period: "'-2027",
      latitude: '44.0001',
      longitude: '0',
    });
    expect(byId[ids.accepted].answered_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
    expect(byId[ids.held]).toMatchObject({ state: 'published', 'answer/fr': '', answered_at: '', cost: '' });
    expect(byId[ids.english]).toMatchObject({
      'title/fr': '',
      'title/en': "'+33 is not a formula here",
      'body/en': 'Tabs\tand\r\nline breaks',
      address: '',
      official: 'true',
      latitude: '-1e-7',
      longitude: '0.00001',
    });
    expect(byId[ids.withdrawn]).toMatchObject({ state: 'withdrawn', withdrawn: 'true' });
    expect(byId[ids.plain]).toMatchObject({ votes: '7', withdrawn: 'false', withdrawn_at: '' });
    // Times in UTC, to the microsecond Postgres keeps (the first proposal was written at 00:01:00.123).
    expect(byId[ids.plain].created_at).toBe('2026-11-01T00:01:00.123+00:00');
    expect(byId[ids.plain].published_at).toBe(byId[ids.plain].created_at);
  });

  it('never exports a draft nor a proposal hidden by moderation', async () => {
    const csv = await csvOf(main.id, 1);
    expect(csv).not.toContain(ids.draft);
    expect(csv).not.toContain(ids.hidden);
    expect(csv).not.toContain('Brouillon');
    expect(csv).not.toContain('masquée');
  });

  it('writes the bytes a spreadsheet expects: the header, `;`, CRLF line ends, quotes doubled', async () => {
    const csv = await csvOf(main.id);
    expect(csv.startsWith(openDataCsvHeader)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const line = csv.split('\r\n').find((l) => l.startsWith(ids.formula))!;
    expect(line).toContain(`;"'=HYPERLINK(""http://example.org"",""clic"")";`);
    expect(line).toContain(`;"'@SUM(1+1); ""cité""`);
    expect(csv).toContain(`"'@SUM(1+1); ""cité""\nligne deux";`);
    expect(csv).toContain(`;'-2 rue du Piège;47.2;-1.5;`);
    expect(csv).toContain(`;"Tabs\tand\r\nline breaks";`);
  });

  it('pages by id in chunks of the size asked, `next` null exactly when no proposal follows', async () => {
    const byTwo = await csvChunks(main.id, 2);
    expect(byTwo.map((c) => c.next)).toEqual([ids.formula, ids.accepted, null]);
    const whole = await csvOf(main.id);
    expect(Buffer.concat(byTwo.map((c) => c.bytes)).toString('utf8')).toBe(whole);
    expect((await csvChunks(main.id, 6)).map((c) => c.next)).toEqual([null]);
    expect((await csvChunks(main.id, 5)).map((c) => c.next)).toEqual([ids.held, null]);
  });

  it('leaves support counts out where the phase hides them', async () => {
    const records = recordsOf(await csvOf(hiding.id));
    expect(records.map((r) => [r.id, r.votes])).toEqual([[ids.hiddenSupports, '']]);
  });

  it('answers the header alone for a process without proposals', async () => {
    const empty = await client.request(
      'processes.process.create',
      { title: { fr: 'Concertation sans propositions' }, description: { fr: 'Rien.' }, status: 'published' },
      as(admin),
    );
    expect(await csvChunks(empty.id)).toEqual([
      { bytes: Buffer.from(openDataCsvHeader), base64: expect.any(Number), next: null },
    ]);
  });

  it('keeps each reply within its bound whatever the text, without losing a line', async () => {
    const big = await client.request(
      'processes.process.create',
      { title: { fr: 'Longues propositions de Rodez' }, description: { fr: 'Très longues.' }, status: 'published' },
      as(admin),
    );
    // 10,000 characters of body each; the quotes ones double in the CSV, past what the column sizes foretell.
    await sql`insert into proposals (id, process_id, reference, title, body, locale, author_id, state,
        created_at, published_at)
      select gen_random_uuid(), ${big.id}, 'PROP-BIG-' || n, 'Une très longue proposition ' || n,
        case when n % 2 = 0 then repeat('"', 10000) else repeat('é', 5000) || repeat('a', 5000) end,
        'fr', ${author.personId}, 'published', now(), now()
      from generate_series(1, 300) n`.execute(db());
    const chunks = await csvChunks(big.id);
    expect(chunks.length).toBeGreaterThan(5);
    // The quotes outgrow the estimate: chunks are cut at the bound, not past it.
    expect(Math.max(...chunks.map((c) => c.bytes.length))).toBeGreaterThan(512 * 1024);
    for (const chunk of chunks) {
      expect(chunk.bytes.length).toBeLessThanOrEqual(600 * 1024);
      expect(chunk.base64).toBeLessThanOrEqual(810 * 1024);
    }
    const records = recordsOf(Buffer.concat(chunks.map((c) => c.bytes)).toString('utf8'));
    expect(records).toHaveLength(300);
    expect(new Set(records.map((r) => r.id)).size).toBe(300);
    expect(records.filter((r) => r['body/fr'] === '"'.repeat(10000))).toHaveLength(150);
  });
});
