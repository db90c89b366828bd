import {
  adminPersonSchema,
  censusReportSchema,
  createdCodesSchema,
  membershipSchema,
  mePersonSchema,
  organizationMapSchema,
  organizationSchema,
  processSchema,
  proposalSchema,
  publicPersonSchema,
  verificationSchema,
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
    Verification: verificationSchema.meta({ id: 'Verification' }),
    CensusReport: censusReportSchema.meta({ id: 'CensusReport' }),
    CreatedCodes: createdCodesSchema.meta({ id: 'CreatedCodes' }),
  };
}
export type Components = ReturnType<typeof namedSchemas>;
