/** Injection tokens for the shared runtime objects every app receives. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
/** Reachability checks of the vendor endpoints a system app fronts. */
export const VENDOR_CHECKS = Symbol('VENDOR_CHECKS');
