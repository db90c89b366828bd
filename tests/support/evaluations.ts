import type { Criterion, Framework, Indicator } from '@convergences/contracts';
import { api } from './api';

/** Calls the gateway as a demo user (or anonymously) and insists on the status; answers the body. */
export async function call<T>(
  as: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  expected = 200,
): Promise<T> {
  const response = await api<T>(method, path, { ...(as ? { as } : {}), ...(body === undefined ? {} : { body }) });
  if (response.status !== expected) {
    throw new Error(`${method} ${path} as ${as ?? 'anonymous'}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Polls until `check` passes: evaluations learns of organisations from members' events. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A level of a scale, French only: its value, label and what reaching it means. */
export const level = (value: number, label: string, descriptor: string) => ({
  value,
  label: { fr: label },
  descriptor: { fr: descriptor },
});

/** A grid as the tests write it: the bodies of its dimensions, criteria and indicators. */
export interface GridSpec {
  title: string;
  dimensions: {
    title: string;
    criteria: { title: string; narrativeRequired?: boolean; evidenceAllowed?: boolean; indicators: object[] }[];
  }[];
}

/** Builds a grid through the API as `admin`, as an editor would, and adopts it; answers it with its tree. */
export async function adoptedGrid(spec: GridSpec): Promise<Framework> {
  const draft = await call<Framework>('admin', 'POST', '/api/v1/frameworks', { title: { fr: spec.title } }, 201);
  const path = `/api/v1/frameworks/${draft.id}`;
  for (const { title, criteria } of spec.dimensions) {
    const dimension = await call<{ id: string }>('admin', 'POST', `${path}/dimensions`, { title: { fr: title } }, 201);
    for (const { indicators, title: criterionTitle, ...flags } of criteria) {
      const criterion = await call<Criterion>(
        'admin',
        'POST',
        `${path}/criteria`,
        { dimensionId: dimension.id, title: { fr: criterionTitle }, ...flags },
        201,
      );
      for (const indicator of indicators) {
        await call<Indicator>('admin', 'POST', `${path}/indicators`, { criterionId: criterion.id, ...indicator }, 201);
      }
    }
  }
  return call<Framework>('admin', 'POST', `${path}/adopt`);
}

/** A criterion of a grid by its French title. */
export function criterionOf(framework: Framework, title: string): Criterion {
  const criterion = framework.dimensions.flatMap((d) => d.criteria).find((c) => c.title.fr === title);
  if (!criterion) throw new Error(`No criterion « ${title} » in ${framework.title.fr}`);
  return criterion;
}
