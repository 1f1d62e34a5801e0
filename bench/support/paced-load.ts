import { Pool } from 'undici';
import { percentile } from './percentile.js';

export interface PacedResult {
  sent: number;
  errors: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/** Seconds sent at the same rate before the measured ones, on the same connections, and not counted. */
const WARMUP_SECONDS = 1;

/**
 * Open-loop load at a fixed rate: requests leave on a steady schedule whether or not earlier ones
 * have answered, so latency is measured at that load without the bursts a closed loop adds. The first
 * second opens the connections and is not measured: a steady client does not reconnect per request.
 */
export async function pacedLoad(
  url: string,
  headers: Record<string, string>,
  ratePerSecond: number,
  seconds: number,
  /** Paths (with query) to cycle through instead of the URL's own. */
  paths?: readonly string[],
): Promise<PacedResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 64 });
  const latencies: number[] = [];
  let errors = 0;
  const warmup = Math.round(ratePerSecond * WARMUP_SECONDS);
  const total = warmup + Math.round(ratePerSecond * seconds);
  const intervalMs = 1000 / ratePerSecond;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    inFlight.push(
      pool
        .request({
          method: 'GET',
          path: paths?.length ? paths[i % paths.length]! : `${target.pathname}${target.search}`,
          headers,
        })
        .then(async (response) => {
          await response.body.dump();
          if (i < warmup) return;
          if (response.statusCode !== 200) errors += 1;
          latencies.push(performance.now() - sentAt);
        })
        .catch(() => {
          if (i >= warmup) errors += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    sent: total - warmup,
    errors,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    p999: round(percentile(latencies, 0.999)),
    max: round(latencies.at(-1) ?? 0),
  };
}
