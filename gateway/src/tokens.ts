/** Injection token of the gateway's validated configuration. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
/** Injection token of the request-reply client to the services. */
export const SERVICES = Symbol('SERVICES');
/** Injection token of the token-verification seam. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** Injection token of the gateway's own small Postgres pool (readiness only). */
export const READINESS_POOL = Symbol('READINESS_POOL');
