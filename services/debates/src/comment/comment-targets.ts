import { DomainError, type ParticipationSnapshot } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { sql, type Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { commentRefusalOf } from '../debate/debate.policy';
import { assertMaySeeProcessOf, type VisibilityDeps } from '../participation/process-visibility';
import { ensureCountRow, type ResourceRef } from './comment-counts.repository';
import type { CommentTarget } from './comment-target';

type Db = Kysely<DebatesDatabase>;

interface TargetRow {
  process_id: string;
  threads: number;
  resource_hidden_at: Date | null;
  snapshot: ParticipationSnapshot | null;
  debate_closed_at: Date | null;
  debate_starts_at: Date | null;
  debate_ends_at: Date | null;
}

/** The resource's count row with what decides about it: its process's rules, and for a debate its state. One read. */
async function findTargetRow(db: Db, ref: ResourceRef): Promise<TargetRow | undefined> {
  const { rows } = await sql<TargetRow>`select cc.process_id, cc.threads, cc.resource_hidden_at, pp.snapshot,
      d.closed_at as debate_closed_at, d.starts_at as debate_starts_at, d.ends_at as debate_ends_at
    from comment_counts cc
      left join process_participation pp on pp.process_id = cc.process_id
      left join debates d on cc.resource_type = 'debate' and d.id = cc.resource_id
    where cc.resource_type = ${ref.resourceType} and cc.resource_id = ${ref.resourceId}`.execute(db);
  return rows[0];
}

const noSuch = (ref: ResourceRef) => new DomainError('not_found', `No such ${ref.resourceType}.`);

/**
 * The resource as comments see it, for whoever asks: `not_found` when it does not exist, is
 * hidden, or belongs to a process the caller may not see. A proposal not heard of yet (its
 * publication event still on its way) is asked of `proposals`, which answers for drafts and
 * private processes, and remembered.
 */
export async function commentTargetOf(
  deps: VisibilityDeps,
  context: CallContext,
  ref: ResourceRef,
  now = new Date(),
): Promise<CommentTarget> {
  let row = await findTargetRow(deps.db, ref);
  if (!row && ref.resourceType === 'proposal') {
    const proposal = await deps.services.request('proposals.proposal.get', { id: ref.resourceId }, context);
    await ensureCountRow(deps.db, { ...ref, processId: proposal.processId });
    row = await findTargetRow(deps.db, ref);
  }
  if (!row || row.resource_hidden_at) throw noSuch(ref);
  const snapshot = await assertMaySeeProcessOf(
    deps,
    context,
    row.process_id,
    ref.resourceType,
    row.snapshot ?? undefined,
  );
  return targetOf(ref, { ...row, snapshot }, now);
}

function targetOf(ref: ResourceRef, row: TargetRow, now: Date): CommentTarget {
  const isDebate = ref.resourceType === 'debate';
  return {
    ...ref,
    processId: row.process_id,
    alignmentEnabled: isDebate,
    refusal: isDebate
      ? commentRefusalOf(
          {
            closedAt: row.debate_closed_at,
            startsAt: row.debate_starts_at,
            endsAt: row.debate_ends_at,
          },
          now,
        )
      : null,
    shown: row.snapshot?.rules?.comments.enabled ?? true,
    threads: row.threads,
  };
}

/**
 * Inside a write's transaction: the debate's row share-locked (closing it waits, or is waited
 * for), then the count row locked, and the target read again from them.
 */
export async function lockTarget(trx: Db, ref: ResourceRef, now = new Date()): Promise<CommentTarget> {
  if (ref.resourceType === 'debate') {
    await sql`select 1 from debates where id = ${ref.resourceId} for share`.execute(trx);
  }
  await sql`select 1 from comment_counts where resource_type = ${ref.resourceType}
    and resource_id = ${ref.resourceId} for update`.execute(trx);
  const row = await findTargetRow(trx, ref);
  if (!row || row.resource_hidden_at) throw noSuch(ref);
  return targetOf(ref, row, now);
}
