import {
  adminPersonSchema,
  censusReportSchema,
  createdCodesSchema,
  invitationSchema,
  membershipSchema,
  mePersonSchema,
  meSchema,
  organizationMapSchema,
  organizationSchema,
  permissionDecisionSchema,
  phaseSchema,
  processRoleAssignmentSchema,
  processSchema,
  proposalSchema,
  publicPersonSchema,
  territoryNodeSchema,
  territorySchema,
  themeNodeSchema,
  themeSchema,
  verificationSchema,
} from '@convergences/contracts';
import { z } from 'zod';

/** The named schemas : `.meta({ id })` makes each an OpenAPI component. */
export function namedSchemas() {
  const MePerson = mePersonSchema.meta({ id: 'MePerson' });
  return {
    MePerson,
    // What `GET /me` answers (`meSchema`), documented as the person plus their process roles.
    Me: z.intersection(MePerson, meSchema.pick({ processRoles: true })).meta({ id: 'Me' }),
    PublicPerson: publicPersonSchema.meta({ id: 'PublicPerson' }),
    AdminPerson: adminPersonSchema.meta({ id: 'AdminPerson' }),
    Process: processSchema.meta({ id: 'Process' }),
    ProcessRoleAssignment: processRoleAssignmentSchema.meta({ id: 'ProcessRoleAssignment' }),
    ProcessInvitation: invitationSchema.meta({ id: 'ProcessInvitation' }),
    Phase: phaseSchema.meta({ id: 'Phase' }),
    PermissionDecision: permissionDecisionSchema.meta({ id: 'PermissionDecision' }),
    Proposal: proposalSchema.meta({ id: 'Proposal' }),
    Organization: organizationSchema.meta({ id: 'Organization' }),
    OrganizationMap: organizationMapSchema.meta({ id: 'OrganizationMap' }),
    Membership: membershipSchema.meta({ id: 'Membership' }),
    Verification: verificationSchema.meta({ id: 'Verification' }),
    CensusReport: censusReportSchema.meta({ id: 'CensusReport' }),
    CreatedCodes: createdCodesSchema.meta({ id: 'CreatedCodes' }),
    Territory: territorySchema.meta({ id: 'Territory' }),
    TerritoryNode: namedTreeNode('TerritoryNode', territoryNodeSchema),
    Theme: themeSchema.meta({ id: 'Theme' }),
    ThemeNode: namedTreeNode('ThemeNode', themeNodeSchema),
  };
}
export type Components = ReturnType<typeof namedSchemas>;

/**
 * A contract's recursive tree node as a named component. The contract's lazy schema refers to its
 * unnamed self, which the generator would unfold forever; this copy's children refer to the component.
 */
function namedTreeNode(id: string, node: z.ZodType): z.ZodType {
  const named: z.ZodType = z
    .lazy(() => (node as unknown as z.ZodLazy<z.ZodObject>).unwrap().extend({ children: z.array(named) }))
    .meta({ id });
  return named;
}
