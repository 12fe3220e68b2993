// Typed configuration from the environment, validated at start with messages a person can act on.
export * from './load-config';
export * as configKeys from './keys';
export { z } from 'zod';
export * from './service-config';
export * from './auth-config';
export * from './production-checks';
