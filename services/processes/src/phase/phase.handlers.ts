import { DomainError, type ParsedRequestOf, type Phase, type ResponseOf } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { standingIn } from '../access/process-access.repository';
import { maySeeProcess } from '../access/process-access';
import type { ProcessesDatabase } from '../db/schema';
import { findById } from '../process/process.repository';
import { activatePhase } from './activate-phase';
import { createPhase } from './create-phase';
import { deletePhase } from './delete-phase';
import { phasesOf, toPhase } from './phase.repository';
import { updatePhase } from './update-phase';

@Controller()
export class PhaseHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  @Handles('processes.phase.create')
  create(body: ParsedRequestOf<'processes.phase.create'>, context: RequestContext): Promise<Phase> {
    return createPhase(this.db, context, body);
  }

  @Handles('processes.phase.update')
  update(body: ParsedRequestOf<'processes.phase.update'>, context: RequestContext): Promise<Phase> {
    return updatePhase(this.db, context, body);
  }

  @Handles('processes.phase.delete')
  delete(body: ParsedRequestOf<'processes.phase.delete'>, context: RequestContext): Promise<{ deleted: true }> {
    return deletePhase(this.db, context, body.processId, body.phaseId);
  }

  @Handles('processes.phase.activate')
  activate(body: ParsedRequestOf<'processes.phase.activate'>, context: RequestContext): Promise<Phase> {
    return activatePhase(this.db, context, body.processId, body.phaseId);
  }

  /** The phases of a process, in order, to whoever may see the process. */
  @Handles('processes.phase.list')
  async list(
    body: ParsedRequestOf<'processes.phase.list'>,
    { actor }: RequestContext,
  ): Promise<ResponseOf<'processes.phase.list'>> {
    const process = await findById(this.db, body.processId);
    const standing = await standingIn(this.db, body.processId, actor?.personId);
    if (!process || !maySeeProcess(actor, process, standing)) throw new DomainError('not_found', 'No such process.');
    return { data: (await phasesOf(this.db, body.processId)).map(toPhase) };
  }
}
