import { z } from 'zod';
import { localeSchema } from '../actor';
import { translatedTextSchema } from '../i18n';

/** Rows a chunk may carry at most; the gateway asks chunk after chunk, so memory stays flat. */
export const MAX_EXPORT_CHUNK = 1000;

/** A chunk of a process's public proposals, after the last id of the previous one (ids are UUIDv7: time order). */
export const proposalExportChunkRequestSchema = z.object({
  processId: z.uuid(),
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EXPORT_CHUNK).default(500),
});
export type ProposalExportChunkRequest = z.infer<typeof proposalExportChunkRequestSchema>;

/** A published or withdrawn proposal as open data: no author, the answer only once published. */
export const proposalExportRowSchema = z.object({
  id: z.uuid(),
  processId: z.uuid(),
  reference: z.string(),
  title: z.string(),
  body: z.string(),
  locale: localeSchema,
  state: z.enum(['published', 'withdrawn']),
  official: z.boolean(),
  themeId: z.uuid().nullable(),
  territoryId: z.uuid().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** `null` when the active phase hides support counts. */
  supportsCount: z.number().int().min(0).nullable(),
  endorsementsCount: z.number().int().min(0),
  commentsCount: z.number().int().min(0),
  answer: z
    .object({
      state: z.string(),
      body: translatedTextSchema.nullable(),
      costCents: z.number().int().min(0).nullable(),
      costReport: translatedTextSchema.nullable(),
      executionPeriod: z.string().nullable(),
      answeredAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  publishedAt: z.iso.datetime({ offset: true }),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ProposalExportRow = z.infer<typeof proposalExportRowSchema>;

/** `next` is the id to ask `after` for the following chunk; `null` once the export is complete. */
export const proposalExportChunkSchema = z.object({
  rows: z.array(proposalExportRowSchema),
  next: z.uuid().nullable(),
});
export type ProposalExportChunk = z.infer<typeof proposalExportChunkSchema>;

type OpenDataValue = string | number | boolean | null | { [key: string]: OpenDataValue };
/** One proposal in open data, nested the way Decidim's open-data JSON is (`title.fr`, `endorsements.total_count`). */
export type OpenDataProposal = Record<string, OpenDataValue>;

const inLocale = (text: string, locale: string) => ({
  fr: locale === 'fr' ? text : null,
  en: locale === 'en' ? text : null,
});
const translated = (text: { fr?: string; en?: string } | null) => ({ fr: text?.fr ?? null, en: text?.en ?? null });
/** Cents as an exact decimal amount, e.g. `123456` → `"1234.56"` (Decidim's `cost` is in currency units). */
const amountOf = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * A proposal under Decidim's open-data names where they overlap: `state` is the published
 * answer's state (`accepted`, `rejected`, `evaluating`, a custom one), else `withdrawn` or
 * `published`; `votes` are the supports; the theme is `category`, the territory `scope`.
 */
export function openDataProposalOf(row: ProposalExportRow): OpenDataProposal {
  return {
    id: row.id,
    reference: row.reference,
    title: inLocale(row.title, row.locale),
    body: inLocale(row.body, row.locale),
    locale: row.locale,
    state: row.answer?.state ?? row.state,
    official: row.official,
    category: { id: row.themeId },
    scope: { id: row.territoryId },
    participatory_space: { id: row.processId },
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    answer: translated(row.answer?.body ?? null),
    answered_at: row.answer?.answeredAt ?? null,
    cost: row.answer?.costCents == null ? null : amountOf(row.answer.costCents),
    cost_report: translated(row.answer?.costReport ?? null),
    execution_period: row.answer?.executionPeriod ?? null,
    votes: row.supportsCount,
    endorsements: { total_count: row.endorsementsCount },
    comments: row.commentsCount,
    published_at: row.publishedAt,
    withdrawn: row.state === 'withdrawn',
    withdrawn_at: row.withdrawnAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/** The CSV columns: paths into {@link openDataProposalOf}'s record, flattened with `/` as Decidim does. */
export const openDataColumns = [
  'id',
  'reference',
  'title/fr',
  'title/en',
  'body/fr',
  'body/en',
  'locale',
  'state',
  'official',
  'category/id',
  'scope/id',
  'participatory_space/id',
  'address',
  'latitude',
  'longitude',
  'answer/fr',
  'answer/en',
  'answered_at',
  'cost',
  'cost_report/fr',
  'cost_report/en',
  'execution_period',
  'votes',
  'endorsements/total_count',
  'comments',
  'published_at',
  'withdrawn',
  'withdrawn_at',
  'created_at',
  'updated_at',
] as const;

/** Open-data CSV: `;` between cells, as Decidim and spreadsheets in French expect. */
export const CSV_SEPARATOR = ';';

/** The CSV's first line: the column names (none needs quoting), ending in CRLF as RFC 4180 says. */
export const openDataCsvHeader = `${openDataColumns.join(CSV_SEPARATOR)}\r\n`;

/** Rows a CSV chunk may carry at most; its bytes are bounded too, by the service. */
export const MAX_EXPORT_CSV_CHUNK = 2000;

/** The next CSV lines of a process's export, after the last id of the previous chunk; the first chunk (no `after`) starts with the header. */
export const proposalExportCsvChunkRequestSchema = z.object({
  processId: z.uuid(),
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EXPORT_CSV_CHUNK).default(MAX_EXPORT_CSV_CHUNK),
});
export type ProposalExportCsvChunkRequest = z.infer<typeof proposalExportCsvChunkRequestSchema>;

/**
 * `csv` is the chunk's lines of the open-data CSV ({@link openDataColumns}, `;`, CRLF, written by
 * the service), their UTF-8 bytes Brotli-compressed then in base64: open data compresses about
 * five times, so five times fewer bytes are encoded, sent and decoded on the way, and JSON
 * escapes nothing in base64 (it would write a quote or a control character in up to 6 bytes), so
 * the reply's size follows from the chunk's. `next` is the id to ask `after` for the following
 * chunk; `null` once no row follows.
 */
export const proposalExportCsvChunkSchema = z.object({
  csv: z.base64(),
  next: z.uuid().nullable(),
});
export type ProposalExportCsvChunk = z.infer<typeof proposalExportCsvChunkSchema>;
