/** Injection token of the service's Kysely instance (bound to its own schema). */
export const DATABASE = Symbol('DATABASE');
/** Injection token of the request-reply client to other services. */
export const SERVICE_CLIENT = Symbol('SERVICE_CLIENT');
/** Injection token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');
/** Injection token of the validated platform configuration. */
export const CONFIG = Symbol('CONFIG');
