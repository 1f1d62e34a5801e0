export { createLayerClient } from './layer.client.js';
export type {
  HttpMethod,
  LayerClient,
  LayerClientOptions,
  LayerRequest,
  LayerResponse,
} from './layer.client.js';
export { createVendorClient } from './vendor.client.js';
export type { VendorClient, VendorClientOptions } from './vendor.client.js';
export type { BackoffOptions, BreakerOptions, HeadersHook, OutboundClientOptions } from './http.types.js';
export type { QueryParams } from './layer-request.util.js';
export {
  CircuitOpenError,
  RETRYABLE_STATUSES,
  UpstreamHttpError,
  UpstreamUnavailableError,
} from './upstream.exception.js';
export type { ResponseHeaders, UnavailableReason } from './upstream.exception.js';
export { EXTERNAL_CALL_DURATION, EXTERNAL_CALLS_TOTAL } from './call-metrics.service.js';
export {
  EXTERNAL_QUOTA_REMAINING,
  SchedulerThrottledError,
  SystemScheduler,
  schedulerFor,
} from './system-scheduler.js';
export type { PacingOptions, SchedulerClock } from './system-scheduler.js';
