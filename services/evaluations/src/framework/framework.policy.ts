import {
  DomainError,
  indicatorKindFields,
  indicatorShapeSchema,
  parseOrFail,
  type Actor,
  type Dimension,
  type FieldError,
  type FrameworkGap,
  type FrameworkStatus,
  type IndicatorShape,
  type Proposal,
  type UpdateIndicatorRequest,
} from '@convergences/contracts';

/*
 * The rules of frameworks (référentiels): who reads and writes them, that only drafts change,
 * what a complete framework is, what a reorder must be, how an indicator changes kind, and
 * which proposals become criteria. Pure: the use-cases load the facts and call these.
 */

/** Who is asking, as the rules see them for one lineage. */
export interface FrameworkAccess {
  actor: Actor | null;
  /** A platform admin: creates frameworks, names editors, and may do what editors do. */
  isAdmin: boolean;
  /** Named editor of this framework's lineage. */
  isEditor: boolean;
}

/** A framework version as the rules see it. */
export interface FrameworkFacts {
  id: string;
  status: FrameworkStatus;
  version: number;
  processId: string | null;
}

export function assertSignedIn(actor: Actor | null, doing: string): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
}

/** Adopted versions are public; a draft is read by its lineage's editors and platform admins only. */
export function mayRead(access: FrameworkAccess, status: FrameworkStatus): boolean {
  return status === 'adopted' || access.isAdmin || access.isEditor;
}

/** Writes to a lineage are its editors' and platform admins'. */
export function assertMayEdit(access: FrameworkAccess, doing: string): void {
  assertSignedIn(access.actor, doing);
  if (!access.isAdmin && !access.isEditor) {
    throw new DomainError('forbidden', `Only this framework’s editors and platform admins ${doing}.`);
  }
}

/** Only a draft changes: an adopted version is frozen so campaigns on it stay comparable. */
export function assertDraft(framework: FrameworkFacts): void {
  if (framework.status !== 'draft') {
    throw new DomainError(
      'framework_adopted',
      `Version ${framework.version} of this framework is adopted: it is never changed. Start a new version from it.`,
      { frameworkId: framework.id },
    );
  }
}

/**
 * What a framework lacks before it may be adopted: a dimension at least, a criterion in each
 * dimension, an indicator in each criterion, levels in each level scale and a descriptor for
 * each level. Empty when complete.
 */
export function frameworkGaps(dimensions: Dimension[]): FrameworkGap[] {
  if (dimensions.length === 0) return [{ message: 'The framework has no dimension.' }];
  const gaps: FrameworkGap[] = [];
  for (const dimension of dimensions) {
    if (dimension.criteria.length === 0) {
      gaps.push({ dimensionId: dimension.id, message: `Dimension “${dimension.title.fr}” has no criterion.` });
    }
    for (const criterion of dimension.criteria) {
      const at = { dimensionId: dimension.id, criterionId: criterion.id };
      if (criterion.indicators.length === 0) {
        gaps.push({ ...at, message: `Criterion “${criterion.title.fr}” has no indicator.` });
      }
      for (const indicator of criterion.indicators) {
        if (indicator.kind !== 'level_scale') continue;
        const of = { ...at, indicatorId: indicator.id };
        if (indicator.levels.length === 0) {
          gaps.push({ ...of, message: `Indicator “${indicator.title.fr}” is a level scale without levels.` });
        }
        for (const level of indicator.levels) {
          if (!level.descriptor) {
            gaps.push({
              ...of,
              message: `Level ${level.value} of indicator “${indicator.title.fr}” has no descriptor.`,
            });
          }
        }
      }
    }
  }
  return gaps;
}

/** Refuses to adopt an incomplete framework, listing everything missing at once. */
export function assertComplete(dimensions: Dimension[]): void {
  const missing = frameworkGaps(dimensions);
  if (missing.length > 0) {
    throw new DomainError(
      'framework_incomplete',
      `This framework is not complete: ${missing.map((gap) => gap.message).join(' ')}`,
      { missing },
    );
  }
}

/**
 * Why `order` is not a new order of `siblings` (each of their ids exactly once), or nothing when
 * it is. `what` names the siblings (`dimensions of this framework`).
 */
export function permutationErrors(siblings: string[], order: string[], what: string): FieldError[] {
  const known = new Set(siblings);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  order.forEach((id, i) => {
    if (!known.has(id)) errors.push({ path: `order.${i}`, message: `${id} is not one of the ${what}.` });
    else if (seen.has(id)) errors.push({ path: `order.${i}`, message: `${id} is listed twice.` });
    seen.add(id);
  });
  const missing = siblings.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    errors.push({
      path: 'order',
      message: `The order must list all ${siblings.length} ${what}; missing: ${missing.join(', ')}.`,
    });
  }
  return errors;
}

/** Refuses invalid fields, each named, before anything is written. */
export function assertNoFieldErrors(errors: FieldError[], what = 'request'): void {
  if (errors.length > 0) throw new DomainError('validation_failed', `The ${what} is invalid.`, undefined, errors);
}

type IndicatorChange = Omit<UpdateIndicatorRequest, 'frameworkId' | 'indicatorId'>;
const kindSpecific = ['unit', 'higherIsBetter', 'target', 'levels'] as const;

/**
 * An indicator once a change is applied: a new kind starts from that kind's defaults (the old
 * kind's fields go); the fields of a kind are taken only for that kind (400 on the field
 * otherwise); the result is checked as a whole (a scale of one level, levels out of order…).
 */
export function changedIndicator(current: IndicatorShape, change: IndicatorChange): IndicatorShape {
  const kind = change.kind ?? current.kind;
  const allowed: readonly string[] = indicatorKindFields[kind];
  assertNoFieldErrors(
    kindSpecific
      .filter((field) => change[field] !== undefined && !allowed.includes(field))
      .map((field) => ({ path: field, message: `A ${kind} indicator has no ${field}.` })),
    'indicator',
  );
  const base: Record<string, unknown> =
    kind === current.kind ? { ...current } : { kind, title: current.title, description: current.description };
  const merged: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(change)) if (value !== undefined) merged[field] = value;
  return parseOrFail(indicatorShapeSchema, merged, 'indicator');
}

/**
 * A proposal becomes a criterion of a framework co-built in its process, once published and not
 * withdrawn.
 */
export function assertMayBecomeCriterion(framework: FrameworkFacts, proposal: Proposal): void {
  if (!framework.processId) {
    throw new DomainError(
      'proposal_outside_process',
      'This framework is not co-built in a process: attach it to the process where the proposal was made first.',
    );
  }
  if (proposal.processId !== framework.processId) {
    throw new DomainError(
      'proposal_outside_process',
      'This proposal was made in another process than the one this framework is co-built in.',
      { proposalProcessId: proposal.processId, frameworkProcessId: framework.processId },
    );
  }
  if (proposal.state === 'withdrawn') {
    throw new DomainError(
      'proposal_withdrawn',
      'This proposal was withdrawn by its author: it does not become a criterion.',
    );
  }
  if (proposal.state !== 'published') {
    throw new DomainError('conflict', 'Only a published proposal becomes a criterion.');
  }
}

/** A new version starts from an adopted one, when the lineage has no draft already. */
export function assertMayStartVersion(
  source: FrameworkFacts,
  draft: { id: string; version: number } | undefined,
): void {
  if (source.status !== 'adopted') {
    throw new DomainError('conflict', 'A new version starts from an adopted version; this one is a draft: edit it.');
  }
  if (draft) {
    throw new DomainError('conflict', `Version ${draft.version} of this framework is already a draft: edit it.`, {
      draftId: draft.id,
    });
  }
}
