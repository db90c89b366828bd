import { z } from 'zod';
import { namedPersonFields, namesOnePerson, oneNamedPerson } from './campaign';

/** A person named by platform admins to edit the drafts of a framework lineage and adopt them. */
export const frameworkEditorSchema = z.object({
  lineageId: z.uuid(),
  personId: z.uuid(),
  addedBy: z.uuid(),
  addedAt: z.iso.datetime({ offset: true }),
});
export type FrameworkEditor = z.infer<typeof frameworkEditorSchema>;
export const frameworkEditorListSchema = z.object({ data: z.array(frameworkEditorSchema) });

/** `frameworkId`: any version of the lineage. */
export const frameworkEditorsRequestSchema = z.strictObject({ frameworkId: z.uuid() });
/** By id or by nickname, exactly one of them. */
export const addFrameworkEditorBodySchema = z.strictObject(namedPersonFields).refine(namesOnePerson, oneNamedPerson);
export const addFrameworkEditorRequestSchema = z
  .strictObject({ frameworkId: z.uuid(), ...namedPersonFields })
  .refine(namesOnePerson, oneNamedPerson);
export const removeFrameworkEditorRequestSchema = z.strictObject({ frameworkId: z.uuid(), personId: z.uuid() });
/** Whether the person was an editor until now. */
export const frameworkEditorRemovalSchema = z.object({ removed: z.boolean() });
