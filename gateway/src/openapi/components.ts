import {
  adminPersonSchema,
  membershipSchema,
  mePersonSchema,
  organizationMapSchema,
  organizationSchema,
  processSchema,
  proposalSchema,
  publicPersonSchema,
} from '@convergences/contracts';

/** The named schemas : `.meta({ id })` makes each an OpenAPI component. */
export function namedSchemas() {
  return {
    MePerson: mePersonSchema.meta({ id: 'MePerson' }),
    PublicPerson: publicPersonSchema.meta({ id: 'PublicPerson' }),
    AdminPerson: adminPersonSchema.meta({ id: 'AdminPerson' }),
    Process: processSchema.meta({ id: 'Process' }),
    Proposal: proposalSchema.meta({ id: 'Proposal' }),
    Organization: organizationSchema.meta({ id: 'Organization' }),
    OrganizationMap: organizationMapSchema.meta({ id: 'OrganizationMap' }),
    Membership: membershipSchema.meta({ id: 'Membership' }),
  };
}
export type Components = ReturnType<typeof namedSchemas>;
