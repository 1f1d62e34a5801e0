export * from './job-contracts.js';
export * from './job-options.js';
export * from './job-failure.js';
export * from './queue-runtime.js';
export * from './queue-producer.js';
export * from './queue-worker.js';
export * from './outbox-relay.js';
export * from './queue-metrics.js';
