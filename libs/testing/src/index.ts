export * from './test-env.js';
export * from './synthetic-accounts.js';
