export * from './errors/concord.exception.js';
export * from './errors/error-envelope.filter.js';
export * from './validation/validation.pipe.js';
export * from './auth/auth-policy.js';
export * from './auth/api-key.util.js';
export * from './auth/service-token.service.js';
export * from './auth/credential.store.js';
export * from './auth/auth.guard.js';
