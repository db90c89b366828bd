import { z } from 'zod';

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
export const addFrameworkEditorBodySchema = z.strictObject({ personId: z.uuid() });
export const addFrameworkEditorRequestSchema = addFrameworkEditorBodySchema.extend({ frameworkId: z.uuid() });
export const removeFrameworkEditorRequestSchema = z.strictObject({ frameworkId: z.uuid(), personId: z.uuid() });
/** Whether the person was an editor until now. */
export const frameworkEditorRemovalSchema = z.object({ removed: z.boolean() });
