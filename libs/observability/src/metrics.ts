import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Registry } from 'prom-client';

/** A process-wide registry with Node's default metrics, labelled with the app name. */
export function createMetricsRegistry(app: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: 'concord_' });
  return registry;
}

type MetricCtor<M> = new (
  config: { name: string; help: string; labelNames: string[]; registers: Registry[] } & Record<
    string,
    unknown
  >,
) => M;

function singleton<M>(
  registry: Registry,
  Ctor: MetricCtor<M>,
  name: string,
  help: string,
  labelNames: string[],
  extra: Record<string, unknown> = {},
): M {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as M;
  return new Ctor({ name, help, labelNames, registers: [registry], ...extra });
}

/** Gets or creates a counter on the registry, so libraries can share metric names safely. */
export function counter(registry: Registry, name: string, help: string, labelNames: string[]): Counter {
  return singleton(registry, Counter as MetricCtor<Counter>, name, help, labelNames);
}

export function gauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  collect?: (this: Gauge) => Promise<void> | void,
): Gauge {
  return singleton(registry, Gauge as MetricCtor<Gauge>, name, help, labelNames, collect ? { collect } : {});
}

export function histogram(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  buckets: number[],
): Histogram {
  return singleton(registry, Histogram as MetricCtor<Histogram>, name, help, labelNames, { buckets });
}

export const HTTP_DURATION_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** `concord_http_request_duration_seconds{app,route,method,status}` — every answered request. */
export function httpRequestDuration(registry: Registry): Histogram {
  return histogram(
    registry,
    'concord_http_request_duration_seconds',
    'Duration of inbound HTTP requests',
    ['app', 'route', 'method', 'status'],
    HTTP_DURATION_BUCKETS,
  );
}
