import type {
  Criterion,
  Dimension,
  Framework,
  FrameworkEditor,
  FrameworkGap,
  FrameworkSummary,
  Indicator,
  Page,
  createCriterionBodySchema,
  createDimensionBodySchema,
  createIndicatorBodySchema,
  updateCriterionBodySchema,
  updateDimensionBodySchema,
  updateFrameworkBodySchema,
  updateIndicatorBodySchema,
} from '@convergences/contracts';
import { HttpError } from 'react-admin';
import type { z } from 'zod';
import { apiRequest } from '../dataProvider';
import type { PickedPerson } from './PersonPicker';
import type { Problem } from '../types';

export type FrameworkUpdate = z.input<typeof updateFrameworkBodySchema>;
export type DimensionInput = z.input<typeof createDimensionBodySchema>;
export type DimensionUpdate = z.input<typeof updateDimensionBodySchema>;
export type CriterionInput = z.input<typeof createCriterionBodySchema>;
export type CriterionUpdate = z.input<typeof updateCriterionBodySchema>;
export type IndicatorInput = z.input<typeof createIndicatorBodySchema>;
/** An indicator as written, without the criterion it goes under: one shape per kind. */
export type IndicatorBody = IndicatorInput extends infer Shape
  ? Shape extends unknown
    ? Omit<Shape, 'criterionId'>
    : never
  : never;
export type IndicatorUpdate = z.input<typeof updateIndicatorBodySchema>;

const id = (value: string) => encodeURIComponent(value);
const frameworkPath = (frameworkId: string) => `/frameworks/${id(frameworkId)}`;

/**
 * The frameworks' endpoints beyond list/read/create (which the data provider serves): a version's
 * texts and lifecycle, its tree, its lineage's versions and editors.
 */
export const frameworkApi = {
  /** `PATCH /frameworks/{id}` (drafts only). */
  async update(frameworkId: string, changes: FrameworkUpdate): Promise<Framework> {
    return (await apiRequest<Framework>(frameworkPath(frameworkId), { method: 'PATCH', body: changes })).json;
  },
  /** `POST /frameworks/{id}/adopt`: 422 `framework_incomplete` lists the gaps in `details.missing`. */
  async adopt(frameworkId: string): Promise<Framework> {
    return (await apiRequest<Framework>(`${frameworkPath(frameworkId)}/adopt`, { method: 'POST' })).json;
  },
  /** `GET /frameworks/{id}/versions`: the lineage the caller may read, newest first. */
  async versions(frameworkId: string): Promise<FrameworkSummary[]> {
    const { json } = await apiRequest<Page<FrameworkSummary>>(`${frameworkPath(frameworkId)}/versions`, {
      query: { perPage: 100 },
    });
    return json.data;
  },
  /** `POST /frameworks/{id}/versions`: the next draft, copied from this adopted version. */
  async startVersion(frameworkId: string): Promise<Framework> {
    return (await apiRequest<Framework>(`${frameworkPath(frameworkId)}/versions`, { method: 'POST' })).json;
  },

  async createDimension(frameworkId: string, input: DimensionInput): Promise<Dimension> {
    return (await apiRequest<Dimension>(`${frameworkPath(frameworkId)}/dimensions`, { method: 'POST', body: input }))
      .json;
  },
  async updateDimension(frameworkId: string, dimensionId: string, changes: DimensionUpdate): Promise<Dimension> {
    const path = `${frameworkPath(frameworkId)}/dimensions/${id(dimensionId)}`;
    return (await apiRequest<Dimension>(path, { method: 'PATCH', body: changes })).json;
  },
  async deleteDimension(frameworkId: string, dimensionId: string): Promise<void> {
    await apiRequest<void>(`${frameworkPath(frameworkId)}/dimensions/${id(dimensionId)}`, { method: 'DELETE' });
  },
  /** `order`: every dimension's id, first to last. */
  async reorderDimensions(frameworkId: string, order: string[]): Promise<Framework> {
    const path = `${frameworkPath(frameworkId)}/dimensions/reorder`;
    return (await apiRequest<Framework>(path, { method: 'POST', body: { order } })).json;
  },

  async createCriterion(frameworkId: string, input: CriterionInput): Promise<Criterion> {
    return (await apiRequest<Criterion>(`${frameworkPath(frameworkId)}/criteria`, { method: 'POST', body: input }))
      .json;
  },
  async updateCriterion(frameworkId: string, criterionId: string, changes: CriterionUpdate): Promise<Criterion> {
    const path = `${frameworkPath(frameworkId)}/criteria/${id(criterionId)}`;
    return (await apiRequest<Criterion>(path, { method: 'PATCH', body: changes })).json;
  },
  async deleteCriterion(frameworkId: string, criterionId: string): Promise<void> {
    await apiRequest<void>(`${frameworkPath(frameworkId)}/criteria/${id(criterionId)}`, { method: 'DELETE' });
  },
  /** `order`: every criterion of the dimension, first to last. */
  async reorderCriteria(frameworkId: string, dimensionId: string, order: string[]): Promise<Framework> {
    const path = `${frameworkPath(frameworkId)}/criteria/reorder`;
    return (await apiRequest<Framework>(path, { method: 'POST', body: { dimensionId, order } })).json;
  },

  async createIndicator(frameworkId: string, input: IndicatorInput): Promise<Indicator> {
    return (await apiRequest<Indicator>(`${frameworkPath(frameworkId)}/indicators`, { method: 'POST', body: input }))
      .json;
  },
  async updateIndicator(frameworkId: string, indicatorId: string, changes: IndicatorUpdate): Promise<Indicator> {
    const path = `${frameworkPath(frameworkId)}/indicators/${id(indicatorId)}`;
    return (await apiRequest<Indicator>(path, { method: 'PATCH', body: changes })).json;
  },
  async deleteIndicator(frameworkId: string, indicatorId: string): Promise<void> {
    await apiRequest<void>(`${frameworkPath(frameworkId)}/indicators/${id(indicatorId)}`, { method: 'DELETE' });
  },
  /** `order`: every indicator of the criterion, first to last. */
  async reorderIndicators(frameworkId: string, criterionId: string, order: string[]): Promise<Framework> {
    const path = `${frameworkPath(frameworkId)}/indicators/reorder`;
    return (await apiRequest<Framework>(path, { method: 'POST', body: { criterionId, order } })).json;
  },

  /** `GET /frameworks/{id}/editors`: any version's id names the lineage. */
  async editors(frameworkId: string): Promise<FrameworkEditor[]> {
    return (await apiRequest<{ data: FrameworkEditor[] }>(`${frameworkPath(frameworkId)}/editors`)).json.data;
  },
  async addEditor(frameworkId: string, person: PickedPerson): Promise<FrameworkEditor> {
    const path = `${frameworkPath(frameworkId)}/editors`;
    return (await apiRequest<FrameworkEditor>(path, { method: 'POST', body: person })).json;
  },
  async removeEditor(frameworkId: string, personId: string): Promise<void> {
    await apiRequest<void>(`${frameworkPath(frameworkId)}/editors/${id(personId)}`, { method: 'DELETE' });
  },
};

/** The problem a failed call carries (see the data provider), if it is one. */
export function problemOf(error: unknown): Problem | undefined {
  return error instanceof HttpError ? (error.body as Problem | undefined) : undefined;
}

/** What a 422 `framework_incomplete` says is missing, or nothing for any other failure. */
export function gapsOf(error: unknown): FrameworkGap[] | undefined {
  const problem = problemOf(error);
  if (problem?.code !== 'framework_incomplete') return undefined;
  const missing = problem.details?.missing;
  return Array.isArray(missing) ? (missing as FrameworkGap[]) : [];
}
