import type { Campaign } from '@convergences/contracts';
import { usePermissions } from 'react-admin';
import { isAdmin } from '../authProvider';

/**
 * Whether the signed-in person runs the campaign (its coordinators, and platform admins): only
 * they see the controls that set it up and move it on. The API decides in the end; this keeps
 * members, peers and the committee from being offered buttons that would only be refused.
 */
export function useRunsCampaign(campaign: Pick<Campaign, 'myRoles'> | undefined): boolean {
  const { permissions } = usePermissions();
  return isAdmin(permissions) || !!campaign?.myRoles.includes('coordinator');
}
