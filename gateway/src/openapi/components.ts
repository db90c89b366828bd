import { mePersonSchema, processSchema, proposalSchema } from '@convergences/contracts';

/** The named schemas : `.meta({ id })` makes each an OpenAPI component. */
export function namedSchemas() {
  return {
    MePerson: mePersonSchema.meta({ id: 'MePerson' }),
    Process: processSchema.meta({ id: 'Process' }),
    Proposal: proposalSchema.meta({ id: 'Proposal' }),
  };
}
export type Components = ReturnType<typeof namedSchemas>;
