import OrganizationIcon from '@mui/icons-material/Diversity3';
import type { Organization } from '@convergences/contracts';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationEdit } from './OrganizationEdit';
import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';

export default {
  list: OrganizationList,
  create: OrganizationCreate,
  edit: OrganizationEdit,
  show: OrganizationShow,
  icon: OrganizationIcon,
  recordRepresentation: (record: Organization) => record.name,
};
