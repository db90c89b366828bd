import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { recordActivity } from './record-activity';

type Trx = Transaction<DebatesDatabase>;
type Recorded = 'members.activity.recorded' | 'processes.activity.recorded' | 'proposals.activity.recorded';

function keep(trx: Trx, event: DomainEvent<Recorded>, service: 'members' | 'processes' | 'proposals') {
  return recordActivity(trx, service, event.data, { id: event.id, occurredAt: new Date(event.occurredAt) });
}

/** Keeps the administration actions of `members` (blocks, verifications) in the activity log. */
@Injectable()
export class MembersActivityHandler implements EventHandler<DebatesDatabase, 'members.activity.recorded'> {
  readonly name = 'debates-activity-members';
  readonly type = 'members.activity.recorded' as const;
  handle(trx: Trx, event: DomainEvent<'members.activity.recorded'>): Promise<void> {
    return keep(trx, event, 'members');
  }
}

/** Keeps the administration actions of `processes` (publishing, closing, roles) in the activity log. */
@Injectable()
export class ProcessesActivityHandler implements EventHandler<DebatesDatabase, 'processes.activity.recorded'> {
  readonly name = 'debates-activity-processes';
  readonly type = 'processes.activity.recorded' as const;
  handle(trx: Trx, event: DomainEvent<'processes.activity.recorded'>): Promise<void> {
    return keep(trx, event, 'processes');
  }
}

/** Keeps the administration actions of `proposals` (answers published) in the activity log. */
@Injectable()
export class ProposalsActivityHandler implements EventHandler<DebatesDatabase, 'proposals.activity.recorded'> {
  readonly name = 'debates-activity-proposals';
  readonly type = 'proposals.activity.recorded' as const;
  handle(trx: Trx, event: DomainEvent<'proposals.activity.recorded'>): Promise<void> {
    return keep(trx, event, 'proposals');
  }
}

export const activityHandlers = [MembersActivityHandler, ProcessesActivityHandler, ProposalsActivityHandler];
