import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * Counter with one sample per attempt (a retried call counts each try) and per refused call;
 * `status` is the HTTP status, `network_error`, `timeout` or `circuit_open`.
 */
export const EXTERNAL_CALLS_TOTAL = 'concord_external_calls_total';
/** Histogram of attempt durations in seconds, labelled `system` and `operation`. */
export const EXTERNAL_CALL_DURATION = 'concord_external_call_duration_seconds';

type CallLabel = 'system' | 'operation' | 'status';
type DurationLabel = 'system' | 'operation';

// 1 ms to 10 s: layer hops sit at the low end, vendor calls and timeouts at the high end
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const byRegistry = new WeakMap<Registry, CallMetrics>();

/** Outbound call metrics, created once per registry and reused by every client writing to it. */
export class CallMetrics {
  private constructor(
    private readonly calls: Counter<CallLabel>,
    private readonly duration: Histogram<DurationLabel>,
  ) {}

  static on(registry: Registry): CallMetrics {
    let metrics = byRegistry.get(registry);
    if (!metrics) {
      metrics = new CallMetrics(counterOn(registry), histogramOn(registry));
      byRegistry.set(registry, metrics);
    }
    return metrics;
  }

  /** Records one attempt that reached the target or failed on the way. */
  observe(system: string, operation: string, status: string, seconds: number): void {
    this.calls.inc({ system, operation, status });
    this.duration.observe({ system, operation }, seconds);
  }

  /** Records a call the open circuit refused; it took no time at the target, so no duration is kept. */
  refused(system: string, operation: string): void {
    this.calls.inc({ system, operation, status: 'circuit_open' });
  }
}

function counterOn(registry: Registry): Counter<CallLabel> {
  const existing = registry.getSingleMetric(EXTERNAL_CALLS_TOTAL);
  if (existing instanceof Counter) return existing;
  if (existing) throw new Error(`${EXTERNAL_CALLS_TOTAL} is already registered as another metric type`);
  return new Counter({
    name: EXTERNAL_CALLS_TOTAL,
    help: 'Outbound calls to lower layers and vendors, by target system, operation and outcome',
    labelNames: ['system', 'operation', 'status'],
    registers: [registry],
  });
}

function histogramOn(registry: Registry): Histogram<DurationLabel> {
  const existing = registry.getSingleMetric(EXTERNAL_CALL_DURATION);
  if (existing instanceof Histogram) return existing;
  if (existing) throw new Error(`${EXTERNAL_CALL_DURATION} is already registered as another metric type`);
  return new Histogram({
    name: EXTERNAL_CALL_DURATION,
    help: 'Duration of outbound call attempts, by target system and operation',
    labelNames: ['system', 'operation'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
}
