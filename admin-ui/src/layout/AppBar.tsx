import { Box, Divider, Typography } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { Identity, Permissions } from '../authProvider';
import { isValuator, VALUATOR_PERMISSION } from '../proposals/valuations/valuatorPermission';

/** Who is signed in, from the access token (`preferred_username`, `name`, realm roles). */
const IdentitySummary = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions>();
  const username = (identity as Identity | undefined)?.username;
  const roles = (permissions ?? []).filter(
    (role) =>
      !role.startsWith('default-roles-') &&
      !['offline_access', 'uma_authorization', VALUATOR_PERMISSION].includes(role),
  );
  return (
    <Box sx={{ px: 2, py: 1, minWidth: 220 }}>
      <Typography variant="subtitle2">{identity?.fullName}</Typography>
      {username ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.user.username', { username })}
        </Typography>
      ) : null}
      <Typography variant="body2" color="text.secondary">
        {translate('app.user.roles', { roles: roles.length ? roles.join(', ') : translate('app.user.noRole') })}
      </Typography>
      {isValuator(permissions) ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.user.valuator')}
        </Typography>
      ) : null}
    </Box>
  );
};

const AppUserMenu = () => (
  <UserMenu>
    <IdentitySummary />
    <Divider />
    <Logout />
  </UserMenu>
);

export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar
      userMenu={<AppUserMenu />}
      toolbar={
        <>
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <Typography component="span" variant="h6" sx={{ fontWeight: 600, mr: 2, whiteSpace: 'nowrap' }}>
        {translate('app.brand')}
      </Typography>
      <TitlePortal variant="subtitle1" />
    </RaAppBar>
  );
};
