/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the gateway's REST API, e.g. http://localhost:3000/api/v1 */
  readonly VITE_API_URL?: string;
  /** Base URL of the identity provider (Keycloak or the dev provider), e.g. http://localhost:8080 */
  readonly VITE_IDP_URL?: string;
  readonly VITE_IDP_REALM?: string;
  readonly VITE_IDP_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
