export * from './test-env.js';
export * from './synthetic-accounts.js';
export * from './scratch-database.js';
