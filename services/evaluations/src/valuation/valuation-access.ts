import { DomainError, type FrameworkValuation, type Valuation } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely, Transaction } from 'kysely';
import { answersOf } from '../answers/answers.repository';
import type { EvaluationsDatabase } from '../db/schema';
import { frameworkNow } from '../framework/framework.repository';
import { valuationScores } from './valuation-scores';
import { mayReadValuation, type ValuationReader } from './valuation.policy';
import { findValuation, type ValuationRow } from './valuation.repository';

export interface ValuationDeps {
  db: Kysely<EvaluationsDatabase>;
  services: ServiceClient;
}

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;

/** Whether the caller runs the process (its admins and platform admins), as the processes service decides. */
export async function isProcessAdmin(
  services: ServiceClient,
  context: CallContext,
  processId: string,
): Promise<boolean> {
  if (!context.actor) return false;
  const decision = await services.request('processes.permission.check', { processId, action: 'administer' }, context);
  return decision.allowed;
}

/**
 * A proposal and its valuators, as the proposals service shows them to the caller: its process's
 * admins and the valuators assigned to it; anybody else is refused there (`forbidden`, `role_required`…).
 */
export function proposalInValuation(
  services: ServiceClient,
  context: CallContext,
  proposalId: string,
): Promise<Valuation> {
  return services.request('proposals.valuation.get', { proposalId }, context);
}

/** The caller as the rules of one valuation see them. */
export async function readerOf(
  services: ServiceClient,
  context: CallContext,
  valuation: Pick<ValuationRow, 'author_id' | 'process_id'>,
): Promise<ValuationReader> {
  const isAuthor = !!context.actor && valuation.author_id === context.actor.personId;
  const isAdmin = !isAuthor && (await isProcessAdmin(services, context, valuation.process_id!));
  return { isAuthor, isProcessAdmin: isAdmin };
}

/**
 * Whether the caller may read this valuation: its valuator, and the admins of its process
 * (platform admins too). For other readers of assessments (`evaluations.assessment.get`) to delegate to.
 */
export async function valuationVisible(
  services: ServiceClient,
  context: CallContext,
  valuation: Pick<ValuationRow, 'author_id' | 'process_id'>,
): Promise<boolean> {
  return mayReadValuation(await readerOf(services, context, valuation));
}

/** A valuation the caller may read, and who they are to it; one they may not read does not exist for them. */
export async function valuationFor(
  deps: ValuationDeps,
  context: CallContext,
  id: string,
): Promise<{ valuation: ValuationRow; reader: ValuationReader }> {
  if (!context.actor) throw new DomainError('unauthenticated', 'Sign in to read valuations.');
  const valuation = await findValuation(deps.db, id);
  if (!valuation) throw new DomainError('not_found', 'No such valuation.');
  const reader = await readerOf(deps.services, context, valuation);
  if (!mayReadValuation(reader)) throw new DomainError('not_found', 'No such valuation.');
  return { valuation, reader };
}

/** Valuations as they are answered: with their answers and scores, each framework read once. */
export async function toFrameworkValuations(db: Db, rows: ValuationRow[]): Promise<FrameworkValuation[]> {
  const frameworkIds = [...new Set(rows.map((row) => row.framework_id))];
  const [answers, frameworks] = await Promise.all([
    answersOf(
      db,
      rows.map((row) => row.id),
    ),
    Promise.all(frameworkIds.map((id) => frameworkNow(db, id))).then(
      (list) => new Map(list.map((framework) => [framework.id, framework])),
    ),
  ]);
  return rows.map((row) => {
    const answered = answers.get(row.id) ?? [];
    return {
      id: row.id,
      kind: row.kind,
      frameworkId: row.framework_id,
      campaignId: null,
      subjectId: null,
      proposalId: row.proposal_id!,
      processId: row.process_id!,
      authorId: row.author_id!,
      authorName: row.author_name ?? '',
      status: row.status,
      recommendations: row.recommendations,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      submittedAt: row.submitted_at?.toISOString() ?? null,
      answers: answered,
      scores: valuationScores(frameworks.get(row.framework_id)!, answered),
    };
  });
}

/** One valuation as it is now (inside the caller's transaction, if any). */
export async function valuationNow(db: Db, id: string): Promise<FrameworkValuation> {
  const [valuation] = await toFrameworkValuations(db, [(await findValuation(db, id))!]);
  return valuation;
}
