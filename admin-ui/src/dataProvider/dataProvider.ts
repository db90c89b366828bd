import type {
  CreateParams,
  DataProvider,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  Identifier,
  RaRecord,
  SortPayload,
  UpdateParams,
} from 'react-admin';
import type { Me, Page, Process } from '../types';
import { debateEndpoints, debateListPath, type DebateEndpoints } from './debateEndpoints';
import { apiRequest, type Query } from './httpClient';
import { processEndpoints, type ProcessEndpoints } from './processEndpoints';
import { proposalEndpoints, type ProposalEndpoints } from './proposalEndpoints';

/** The API caps pages at 100 items. */
export const MAX_PER_PAGE = 100;

/** react-admin's `{ field, order }` as the API's `sort=field` / `sort=-field`; `id` means the API's default. */
export function sortParam(sort?: SortPayload): string | undefined {
  if (!sort?.field || sort.field === 'id') return undefined;
  return sort.order === 'DESC' ? `-${sort.field}` : sort.field;
}

function filterParams(filter: Record<string, unknown> | undefined): Query {
  const query: Query = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    query[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return query;
}

function listQuery(params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>): Query {
  const page = Math.max(1, params.pagination?.page ?? 1);
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, params.pagination?.perPage ?? 25));
  return { ...filterParams(params.filter), page, perPage, sort: sortParam(params.sort) };
}

const path = (resource: string, id?: Identifier) =>
  id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(String(id))}`;

/** Lists the API serves elsewhere than `/<resource>`: the signed-in valuator's proposals. */
const listPaths: Record<string, string> = { valuations: '/valuations/mine' };

/**
 * Lists the API serves under another resource, their path taken from a filter (a process's
 * debates); `undefined` when that filter is missing, and then there is nothing to list.
 */
const scopedListPaths: Record<
  string,
  (filter: Record<string, unknown> | undefined) => { path: string; filter: Record<string, unknown> } | undefined
> = { debates: debateListPath };

/** Where a list is read, and with which filters. */
function listTarget(resource: string, filter: Record<string, unknown> | undefined) {
  const scoped = scopedListPaths[resource];
  if (scoped) return scoped(filter);
  return { path: listPaths[resource] ?? path(resource), filter: filter ?? {} };
}

const unsupported = () => Promise.reject(new Error('app.errors.unsupported'));

/** Resources the API changes with `PATCH /<resource>/{id}` of the changed fields (the form's `transform` picks them). */
const patchedResources = new Set(['campaigns', 'progress-plans']);

let mePromise: Promise<Me> | undefined;

export interface AppDataProvider extends DataProvider, ProcessEndpoints, ProposalEndpoints, DebateEndpoints {
  /** `POST /processes/{id}/publish` */
  publishProcess(id: Identifier): Promise<{ data: Process }>;
  /** `GET /me`, called once per sign-in (it creates the person on first sight). */
  getMe(): Promise<Me>;
  /** Forgets the cached `GET /me` (on sign-out). */
  forgetMe(): void;
}

/** A thin adapter over the gateway's REST API (`VITE_API_URL`). */
export const dataProvider: AppDataProvider = {
  ...processEndpoints,
  ...proposalEndpoints,
  ...debateEndpoints,

  async getList<RecordType extends RaRecord = RaRecord>(resource: string, params: GetListParams) {
    const target = listTarget(resource, params.filter);
    if (!target) return { data: [], total: 0 };
    const { json } = await apiRequest<Page<RecordType>>(target.path, {
      query: listQuery({ ...params, filter: target.filter }),
    });
    return { data: json.data, total: json.meta.total };
  },

  async getOne<RecordType extends RaRecord = RaRecord>(resource: string, params: GetOneParams<RecordType>) {
    const { json } = await apiRequest<RecordType>(path(resource, params.id));
    return { data: json };
  },

  // The API has no batch read: one request per id (react-admin deduplicates and caches them).
  async getMany<RecordType extends RaRecord = RaRecord>(resource: string, params: GetManyParams<RecordType>) {
    const results = await Promise.allSettled(
      [...new Set(params.ids)].map((id) => apiRequest<RecordType>(path(resource, id)).then(({ json }) => json)),
    );
    const data = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    if (data.length === 0 && results.length > 0 && results[0].status === 'rejected') throw results[0].reason;
    return { data };
  },

  async getManyReference<RecordType extends RaRecord = RaRecord>(resource: string, params: GetManyReferenceParams) {
    const target = listTarget(resource, { ...params.filter, [params.target]: params.id });
    if (!target) return { data: [], total: 0 };
    const query = listQuery({ ...params, filter: target.filter });
    const { json } = await apiRequest<Page<RecordType>>(target.path, { query });
    return { data: json.data, total: json.meta.total };
  },

  async create<
    RecordType extends Omit<RaRecord, 'id'> = Omit<RaRecord, 'id'>,
    ResultRecordType extends RaRecord = RecordType & { id: Identifier },
  >(resource: string, params: CreateParams<RecordType>) {
    const { json } = await apiRequest<ResultRecordType>(path(resource), { method: 'POST', body: params.data });
    return { data: json };
  },

  async update<RecordType extends RaRecord = RaRecord>(resource: string, params: UpdateParams<RecordType>) {
    if (!patchedResources.has(resource)) return unsupported();
    const { json } = await apiRequest<RecordType>(path(resource, params.id), { method: 'PATCH', body: params.data });
    return { data: json };
  },
  updateMany: unsupported,
  delete: unsupported,
  deleteMany: unsupported,

  async publishProcess(id: Identifier) {
    const { json } = await apiRequest<Process>(`${path('processes', id)}/publish`, { method: 'POST' });
    return { data: json };
  },

  getMe() {
    mePromise ??= apiRequest<Me>('/me').then(
      ({ json }) => json,
      (error: unknown) => {
        mePromise = undefined;
        throw error;
      },
    );
    return mePromise;
  },

  forgetMe() {
    mePromise = undefined;
  },
};
