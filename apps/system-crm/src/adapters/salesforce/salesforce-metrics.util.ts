import { counter, gauge, histogram, type Registry } from '@concord/observability';
import { EXTERNAL_CALL_DURATION, EXTERNAL_CALLS_TOTAL } from '@concord/http';
import { type Counter, type Gauge, type Histogram } from 'prom-client';

// Same buckets as the shared outbound client, so vendor and layer calls land in one histogram.
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const SCHEMA_DRIFT = 'concord_schema_drift';

/** The shared outbound-call metrics, got or created by name on the app's registry. */
export class SalesforceMetrics {
  private readonly calls: Counter;
  private readonly duration: Histogram;
  private readonly drift: Gauge;

  constructor(registry: Registry) {
    this.calls = counter(
      registry,
      EXTERNAL_CALLS_TOTAL,
      'Outbound calls to lower layers and vendors, by target system, operation and outcome',
      ['system', 'operation', 'status'],
    );
    this.duration = histogram(
      registry,
      EXTERNAL_CALL_DURATION,
      'Duration of outbound call attempts, by target system and operation',
      ['system', 'operation'],
      DURATION_BUCKETS,
    );
    this.drift = gauge(registry, SCHEMA_DRIFT, '1 when the vendor schema lacks a field Concord needs', [
      'system',
    ]);
  }

  /** One attempt: `status` is the HTTP status, `timeout`, `network_error` or `quota_reserve`. */
  call(operation: string, status: string, seconds: number | undefined): void {
    this.calls.inc({ system: 'salesforce', operation, status });
    if (seconds !== undefined) this.duration.observe({ system: 'salesforce', operation }, seconds);
  }

  schemaDrift(drifted: boolean): void {
    this.drift.set({ system: 'salesforce' }, drifted ? 1 : 0);
  }
}
