import {
  DomainError,
  type AnswerImportRejection,
  type AnswersImportReport,
  type FieldError,
  type ParsedRequestOf,
} from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { participationInForce } from '@convergences/read-models';
import { activityRecorded } from '../activity/activity-recorded';
import { assertMayAnswerIn, type StandingDeps } from '../valuation/proposal-standing';
import { answerProblems, publishesAtOnce } from './answer.policy';
import { customStateKeys, lockProposalsToAnswer, saveAnswer } from './answer.repository';
import { parseAnswersCsv, readAnswerRows, type AnswerRow } from './answers-csv';

const reasonOfProblem: Record<string, AnswerImportRejection['reason']> = {
  state: 'unknown_state',
  body: 'rejected_without_text',
  costCents: 'cost_required',
  costReport: 'cost_required',
  executionPeriod: 'cost_required',
};

/**
 * A process admin imports answers from CSV (`id;state;answer/fr`…). The import is all or nothing:
 * if any row is refused (unknown id, proposal of another process, unknown state, rejection without
 * text, bad or missing cost…), nothing is applied and the report says why, line by line. A dry run
 * reports what would happen and changes nothing.
 */
export async function importAnswers(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.answer.import'>,
): Promise<AnswersImportReport> {
  await assertMayAnswerIn(deps, context, request.processId, 'import answers');
  const actor = context.actor!;
  const { header, records } = parseAnswersCsv(request.csv);
  const read = readAnswerRows(header, records);
  const participation = await participationInForce(deps.db, deps.services, request.processId, context);
  const publish = publishesAtOnce('admin', request.publish, participation);

  return deps.db.transaction().execute(async (trx) => {
    const proposals = await lockProposalsToAnswer(
      trx,
      read.rows.map((row) => row.proposalId),
    );
    const customStates = await customStateKeys(trx, request.processId, true);
    const rejected = [...read.rejected];
    const valid: (AnswerRow & { authorId: string })[] = [];
    for (const row of read.rows) {
      const reject = (reason: AnswerImportRejection['reason'], message: string) =>
        rejected.push({ line: row.line, id: row.proposalId, reason, message });
      const proposal = proposals.get(row.proposalId);
      if (!proposal || proposal.state === 'draft') {
        reject('unknown_id', 'no such proposal');
      } else if (proposal.processId !== request.processId) {
        reject('other_process', 'this proposal belongs to another process');
      } else if (proposal.state === 'withdrawn') {
        reject('proposal_withdrawn', 'this proposal was withdrawn by its author');
      } else {
        const [problem] = answerProblems(row, customStates, participation.settings.answersWithCosts);
        if (problem) reject(reasonOfProblem[problem.path], problem.message);
        else valid.push({ ...row, authorId: proposal.authorId });
      }
    }
    rejected.sort((a, b) => a.line - b.line);
    const applied = rejected.length === 0 ? valid.length : 0;
    const report: AnswersImportReport = {
      dryRun: request.dryRun,
      rows: records.length,
      applied,
      published: publish ? applied : 0,
      rejected,
    };
    if (request.dryRun) return report;
    if (rejected.length > 0) {
      const errors: FieldError[] = rejected.map((r) => ({ path: `csv.line.${r.line}`, message: r.message }));
      throw new DomainError(
        'validation_failed',
        `${rejected.length} row(s) of the answers file are refused: nothing was imported.`,
        { report },
        errors,
      );
    }
    for (const row of valid) {
      await saveAnswer(trx, row.proposalId, {
        ...row,
        answeredBy: actor.personId,
        publishedBy: publish ? actor.personId : null,
      });
      if (publish) {
        await addToOutbox(
          trx,
          domainEvent(
            'proposals.answer.published',
            { proposalId: row.proposalId, processId: request.processId, authorId: row.authorId, state: row.state },
            actor,
          ),
          activityRecorded(actor, {
            action: 'answer.published',
            resourceType: 'proposal',
            resourceId: row.proposalId,
            processId: request.processId,
            details: { state: row.state },
          }),
        );
      }
    }
    return report;
  });
}
