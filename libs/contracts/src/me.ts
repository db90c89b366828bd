import { z } from 'zod';
import { mePersonSchema } from './members/person';
import { myProcessRoleSchema } from './processes/process-role';

/** What `GET /me` answers: the person from members, and the processes where they hold roles. */
export const meSchema = mePersonSchema.extend({ processRoles: z.array(myProcessRoleSchema) });
export type Me = z.infer<typeof meSchema>;
