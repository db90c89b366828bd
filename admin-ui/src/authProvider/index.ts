export { authProvider, isAdmin, setOnLogout } from './authProvider';
export type { Identity, Permissions } from './authProvider';
export { getAccessToken, initKeycloak } from './keycloak';
export { LoginPage } from './LoginPage';
