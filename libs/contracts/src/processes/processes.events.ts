import type { EventContract } from '../message-contract';
import { phaseActivatedSchema } from './phase';
import { participationSnapshotSchema, processChangedSchema } from './process';
import { invitationChangedSchema, roleChangedSchema } from './process-role';
import { territoryChangedSchema } from './territory';
import { themeChangedSchema } from './theme';

/** Events of the processes service. */
export const processesEvents = {
  'processes.process.created': { schemaVersion: 1, data: processChangedSchema },
  'processes.process.published': { schemaVersion: 1, data: processChangedSchema },
  'processes.process.updated': { schemaVersion: 1, data: processChangedSchema },
  'processes.process.closed': { schemaVersion: 1, data: processChangedSchema },
  /** A phase became the active one, by a person or by the scheduler at its start date. */
  'processes.phase.activated': { schemaVersion: 1, data: phaseActivatedSchema },
  /** The rules in force changed (status, visibility, settings, active phase or its rules): the whole new snapshot. */
  'processes.participation.changed': { schemaVersion: 1, data: participationSnapshotSchema },
  'processes.role.assigned': { schemaVersion: 1, data: roleChangedSchema },
  'processes.role.removed': { schemaVersion: 1, data: roleChangedSchema },
  'processes.invitation.created': { schemaVersion: 1, data: invitationChangedSchema },
  'processes.invitation.removed': { schemaVersion: 1, data: invitationChangedSchema },
  'processes.territory.created': { schemaVersion: 1, data: territoryChangedSchema },
  'processes.territory.updated': { schemaVersion: 1, data: territoryChangedSchema },
  'processes.theme.created': { schemaVersion: 1, data: themeChangedSchema },
  'processes.theme.updated': { schemaVersion: 1, data: themeChangedSchema },
} as const satisfies Record<string, EventContract>;
