export * from './correlation-context.js';
export * from './logger.js';
export * from './nest-logger.js';
export * from './metrics.js';
export * from './health.js';
