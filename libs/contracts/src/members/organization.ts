import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';

/** The kinds of member organisations of the network; a `reseau` is a network others belong to. */
export const organizationKinds = [
  'association',
  'cooperative',
  'amap',
  'regie_de_quartier',
  'relais_local',
  'tiers_lieu',
  'collectivite',
  'reseau',
  'other',
] as const;
export const organizationKindSchema = z.enum(organizationKinds);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

export const organizationStatusSchema = z.enum(['pending', 'verified']);
export type OrganizationStatus = z.infer<typeof organizationStatusSchema>;

/** An http(s) address; anything else (javascript:, data:, ftp:) is refused. */
export const httpUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);

export const organizationNameSchema = z.string().trim().min(2).max(150);
export const organizationDescriptionSchema = translatedTextSchema.refine(
  (t) => t.fr.length <= 10_000 && (t.en ?? '').length <= 10_000,
  'at most 10,000 characters',
);
export const latitudeSchema = z.number().min(-90).max(90);
export const longitudeSchema = z.number().min(-180).max(180);

/** A network an organisation belongs to, as shown with it. */
export const organizationRefSchema = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
export type OrganizationRef = z.infer<typeof organizationRefSchema>;

export const organizationSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: organizationKindSchema,
  description: translatedTextSchema.nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  territoryId: z.uuid().nullable(),
  themeIds: z.array(z.uuid()),
  logoUrl: z.string().nullable(),
  status: organizationStatusSchema,
  verifiedAt: z.iso.datetime({ offset: true }).nullable(),
  verifiedBy: z.uuid().nullable(),
  /** The networks it is a direct member of. */
  networks: z.array(organizationRefSchema),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Organization = z.infer<typeof organizationSchema>;

/** Latitude and longitude come together, or not at all. */
function coordinatesTogether(value: { latitude?: number | null; longitude?: number | null }): boolean {
  return (
    (value.latitude === undefined) === (value.longitude === undefined) &&
    (value.latitude === null) === (value.longitude === null)
  );
}
const coordinatesIssue = { message: 'latitude and longitude go together', path: ['longitude'] };

const organizationFields = {
  name: organizationNameSchema,
  kind: organizationKindSchema,
  description: organizationDescriptionSchema.nullable().optional(),
  website: httpUrlSchema.nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  latitude: latitudeSchema.nullable().optional(),
  longitude: longitudeSchema.nullable().optional(),
  territoryId: z.uuid().nullable().optional(),
  themeIds: z.array(z.uuid()).max(50).optional(),
  logoUrl: httpUrlSchema.nullable().optional(),
  /** The network organisations (kind `reseau`) it is a direct member of. */
  networkIds: z.array(z.uuid()).max(50).optional(),
};

export const createOrganizationRequestSchema = z
  .strictObject(organizationFields)
  .refine(coordinatesTogether, coordinatesIssue);
export type CreateOrganizationRequest = z.input<typeof createOrganizationRequestSchema>;

/** The fields `PATCH` may change; absent fields stay as they are, `null` clears one. */
export const updateOrganizationBodySchema = z
  .strictObject({
    ...organizationFields,
    name: organizationNameSchema.optional(),
    kind: organizationKindSchema.optional(),
  })
  .refine(coordinatesTogether, coordinatesIssue);
export const updateOrganizationRequestSchema = z
  .strictObject({
    id: z.uuid(),
    ...organizationFields,
    name: organizationNameSchema.optional(),
    kind: organizationKindSchema.optional(),
  })
  .refine(coordinatesTogether, coordinatesIssue);
export type UpdateOrganizationRequest = z.input<typeof updateOrganizationRequestSchema>;

export const organizationRefRequestSchema = z.object({ idOrSlug: z.string().min(1).max(160) });
export const organizationIdSchema = z.object({ id: z.uuid() });

const organizationFilters = {
  kind: organizationKindSchema.optional(),
  /** Organisations working on this theme. */
  theme: z.uuid().optional(),
  /** Organisations of this territory or of any territory under it. */
  territoryId: z.uuid().optional(),
  /** The former name of `territoryId`, still accepted (`territoryId` wins when both are given). */
  territory: z.uuid().optional(),
  /** Members of this network, and members of its member networks, at any depth. */
  network: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
};

export const organizationSorts = ['name', '-name', 'recent'] as const;
export const organizationListQuerySchema = listQuerySchema(organizationSorts, 'name').extend({
  ...organizationFilters,
  /** Public lists show verified organisations; platform admins may ask for pending ones. */
  status: organizationStatusSchema.optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;

export const boundingBoxSchema = z
  .object({
    minLon: longitudeSchema,
    minLat: latitudeSchema,
    maxLon: longitudeSchema,
    maxLat: latitudeSchema,
  })
  .refine((b) => b.minLon <= b.maxLon && b.minLat <= b.maxLat, 'the minimums must not exceed the maximums');
export type BoundingBox = z.infer<typeof boundingBoxSchema>;

/**
 * `minLon,minLat,maxLon,maxLat`, as GeoJSON orders a bounding box (the parsed form is accepted
 * too, so that a request checked at the gateway parses again in the service).
 */
export const bboxSchema = z.union([
  boundingBoxSchema,
  z
    .string()
    .max(200)
    .transform((value) => {
      const [minLon, minLat, maxLon, maxLat, ...rest] = value.split(',').map((part) => Number(part.trim() || NaN));
      return rest.length ? {} : { minLon, minLat, maxLon, maxLat };
    })
    .pipe(boundingBoxSchema),
]);

export const organizationMapQuerySchema = z.object({ ...organizationFilters, bbox: bboxSchema.optional() });
export type OrganizationMapQuery = z.infer<typeof organizationMapQuerySchema>;

export const organizationFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.uuid(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({
    name: z.string(),
    slug: z.string(),
    kind: organizationKindSchema,
    /** Slugs of the networks it is a direct member of. */
    networks: z.array(z.string()),
  }),
});
export type OrganizationFeature = z.infer<typeof organizationFeatureSchema>;
export const organizationMapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(organizationFeatureSchema),
});
export type OrganizationMap = z.infer<typeof organizationMapSchema>;

export const organizationChangedSchema = z.object({
  organizationId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: organizationKindSchema,
  status: organizationStatusSchema,
});
