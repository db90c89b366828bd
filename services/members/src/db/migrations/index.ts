import type { Migrations } from '@convergences/database';
import { createPeople } from './2026-11-27T09-00-create-people';
import { peopleProfile } from './2026-11-27T10-00-people-profile';
import { createOrganizations } from './2026-11-27T10-30-create-organizations';
import { createVerifications } from './2026-11-27T11-00-create-verifications';
import { peopleDeleted } from './2026-11-27T11-30-people-deleted';
import { peopleTerritory } from './2026-12-01T13-00-people-territory';

export const membersMigrations: Migrations = {
  '2026-11-27T09-00-create-people': createPeople,
  '2026-11-27T10-00-people-profile': peopleProfile,
  '2026-11-27T10-30-create-organizations': createOrganizations,
  '2026-11-27T11-00-create-verifications': createVerifications,
  '2026-11-27T11-30-people-deleted': peopleDeleted,
  '2026-12-01T13-00-people-territory': peopleTerritory,
};
