import { z } from 'zod';
import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import { permissionCheckRequestSchema, permissionDecisionSchema } from './permission';
import {
  createPhaseRequestSchema,
  phaseListRequestSchema,
  phaseListSchema,
  phaseRefSchema,
  phaseSchema,
  updatePhaseRequestSchema,
} from './phase';
import {
  copyProcessRequestSchema,
  createProcessRequestSchema,
  participationRequestSchema,
  participationSnapshotSchema,
  processIdSchema,
  processListQuerySchema,
  processRefSchema,
  processSchema,
  updateProcessRequestSchema,
} from './process';
import {
  assignRoleRequestSchema,
  invitationListSchema,
  processInviteRequestSchema,
  myProcessRolesRequestSchema,
  myProcessRolesSchema,
  processRoleAssignmentSchema,
  processRoleListSchema,
  processRolesRequestSchema,
  removeRoleRequestSchema,
  uninviteRequestSchema,
} from './process-role';
import { processStatsRequestSchema, processStatsSchema } from './process-stats';
import {
  createTerritoryRequestSchema,
  territoryIdSchema,
  territoryLineageSchema,
  territoryListQuerySchema,
  territorySchema,
  territorySubtreeSchema,
  territoryTreeQuerySchema,
  territoryTreeSchema,
  updateTerritoryRequestSchema,
} from './territory';
import {
  createThemeRequestSchema,
  themeIdSchema,
  themeListQuerySchema,
  themeSchema,
  themeTreeSchema,
  updateThemeRequestSchema,
} from './theme';

/** Messages of the processes service. */
export const processesMessages = {
  // Processes: platform admins create; platform admins and the process's admins change.
  'processes.process.create': { request: createProcessRequestSchema, response: processSchema },
  'processes.process.update': { request: updateProcessRequestSchema, response: processSchema },
  'processes.process.publish': { request: processIdSchema, response: processSchema },
  'processes.process.close': { request: processIdSchema, response: processSchema },
  'processes.process.copy': { request: copyProcessRequestSchema, response: processSchema },
  'processes.process.list': { request: processListQuerySchema, response: pageSchema(processSchema) },
  'processes.process.get': { request: processRefSchema, response: processSchema },
  /** For services: the rules in force in a process now (what `processes.participation.changed` carries). */
  'processes.process.participation': { request: participationRequestSchema, response: participationSnapshotSchema },

  // Phases, in order; one active at a time.
  'processes.phase.create': { request: createPhaseRequestSchema, response: phaseSchema },
  'processes.phase.update': { request: updatePhaseRequestSchema, response: phaseSchema },
  'processes.phase.delete': { request: phaseRefSchema, response: z.object({ deleted: z.literal(true) }) },
  'processes.phase.activate': { request: phaseRefSchema, response: phaseSchema },
  'processes.phase.list': { request: phaseListRequestSchema, response: phaseListSchema },

  /** For services and the gateway: may this actor do this in this process, now? */
  'processes.permission.check': { request: permissionCheckRequestSchema, response: permissionDecisionSchema },

  // Process roles and invitations to private processes.
  'processes.role.assign': { request: assignRoleRequestSchema, response: processRoleAssignmentSchema },
  'processes.role.remove': { request: removeRoleRequestSchema, response: z.object({ removed: z.boolean() }) },
  'processes.role.list': { request: processRolesRequestSchema, response: processRoleListSchema },
  /** The processes where a person holds a role (the person themself, or a platform admin). */
  'processes.role.listMine': { request: myProcessRolesRequestSchema, response: myProcessRolesSchema },
  'processes.invitation.create': { request: processInviteRequestSchema, response: invitationListSchema },
  'processes.invitation.remove': { request: uninviteRequestSchema, response: z.object({ removed: z.boolean() }) },
  'processes.invitation.list': { request: processRolesRequestSchema, response: invitationListSchema },

  'processes.stats.get': { request: processStatsRequestSchema, response: processStatsSchema },

  // Territories and themes: anyone reads, platform admins manage.
  'processes.territory.create': { request: createTerritoryRequestSchema, response: territorySchema },
  'processes.territory.update': { request: updateTerritoryRequestSchema, response: territorySchema },
  'processes.territory.get': { request: territoryIdSchema, response: territorySchema },
  'processes.territory.list': { request: territoryListQuerySchema, response: pageSchema(territorySchema) },
  'processes.territory.tree': { request: territoryTreeQuerySchema, response: territoryTreeSchema },
  /** For services: a territory's ancestors ("this territory or a parent one"). */
  'processes.territory.lineage': { request: territoryIdSchema, response: territoryLineageSchema },
  /** For services: a territory and all under it ("including sub-territories"). */
  'processes.territory.subtree': { request: territoryIdSchema, response: territorySubtreeSchema },
  'processes.theme.create': { request: createThemeRequestSchema, response: themeSchema },
  'processes.theme.update': { request: updateThemeRequestSchema, response: themeSchema },
  'processes.theme.get': { request: themeIdSchema, response: themeSchema },
  'processes.theme.list': { request: themeListQuerySchema, response: pageSchema(themeSchema) },
  'processes.theme.tree': { request: z.strictObject({}), response: themeTreeSchema },
} as const satisfies Record<string, MessageContract>;
