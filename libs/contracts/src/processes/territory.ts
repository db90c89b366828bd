import { z } from 'zod';
import { listQuerySchema } from '../pagination';

/** The levels of the French territorial tree, from the widest to the narrowest. */
export const territoryTypes = ['region', 'departement', 'epci', 'commune', 'quartier'] as const;
export const territoryTypeSchema = z.enum(territoryTypes);
export type TerritoryType = z.infer<typeof territoryTypeSchema>;

/** Whether a territory of type `child` may sit under one of type `parent` (strictly narrower). */
export function mayNestTerritory(parent: TerritoryType, child: TerritoryType): boolean {
  return territoryTypes.indexOf(child) > territoryTypes.indexOf(parent);
}

/** An official code: INSEE code of a commune (`12202`, `2A004`), number of a département (`12`, `971`), SIREN of an EPCI. */
export const territoryCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9AB]{1,9}$/, 'digits (and A/B for Corsica), at most 9');

export const territoryNameSchema = z.string().trim().min(1).max(150);

export const territorySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: territoryTypeSchema,
  code: z.string().nullable(),
  parentId: z.uuid().nullable(),
  /** From the root down to the parent, for breadcrumbs. */
  ancestorIds: z.array(z.uuid()),
  childrenCount: z.number().int().min(0),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Territory = z.infer<typeof territorySchema>;

/** A territory with its sub-territories, for `GET /territories/tree`. */
export interface TerritoryNode {
  id: string;
  name: string;
  type: TerritoryType;
  code: string | null;
  children: TerritoryNode[];
}
export const territoryNodeSchema: z.ZodType<TerritoryNode> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    name: z.string(),
    type: territoryTypeSchema,
    code: z.string().nullable(),
    children: z.array(territoryNodeSchema),
  }),
);
export const territoryTreeSchema = z.object({ data: z.array(territoryNodeSchema) });

export const createTerritoryRequestSchema = z.strictObject({
  name: territoryNameSchema,
  type: territoryTypeSchema,
  code: territoryCodeSchema.nullable().optional(),
  parentId: z.uuid().nullable().optional(),
});
export const updateTerritoryBodySchema = z.strictObject({
  name: territoryNameSchema.optional(),
  code: territoryCodeSchema.nullable().optional(),
  parentId: z.uuid().nullable().optional(),
});
export const updateTerritoryRequestSchema = updateTerritoryBodySchema.extend({ id: z.uuid() });
export type CreateTerritoryRequest = z.input<typeof createTerritoryRequestSchema>;
export type UpdateTerritoryBody = z.input<typeof updateTerritoryBodySchema>;

export const territorySorts = ['name', '-name', 'type', 'code'] as const;
export const territoryListQuerySchema = listQuerySchema(territorySorts, 'name').extend({
  type: territoryTypeSchema.optional(),
  /** Direct children of this territory; `root` for the territories without a parent. */
  parentId: z.union([z.uuid(), z.literal('root')]).optional(),
  /** This territory and everything under it. */
  within: z.uuid().optional(),
  code: z.string().trim().min(1).max(9).optional(),
  q: z.string().trim().min(1).max(150).optional(),
});
export type TerritoryListQuery = z.infer<typeof territoryListQuerySchema>;

export const territoryTreeQuerySchema = z.strictObject({
  /** Only this territory's subtree (itself as the root). */
  rootId: z.uuid().optional(),
  /** Stop at this level (e.g. `departement` for a map of départements). */
  maxType: territoryTypeSchema.optional(),
});

export const territoryIdSchema = z.strictObject({ id: z.uuid() });

/** A territory's place in the tree, for services that match "this territory or a parent one". */
export const territoryLineageSchema = z.object({
  id: z.uuid(),
  ancestorIds: z.array(z.uuid()),
});
/** A territory and every territory under it, for "including sub-territories" filters. */
export const territorySubtreeSchema = z.object({ id: z.uuid(), ids: z.array(z.uuid()) });

export const territoryChangedSchema = z.object({
  territoryId: z.uuid(),
  name: z.string(),
  type: territoryTypeSchema,
  parentId: z.uuid().nullable(),
});
