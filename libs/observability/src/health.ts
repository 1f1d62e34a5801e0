/** One dependency a readiness probe checks (database, queue store, a vendor). */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'ok' | 'unavailable'; latencyMs: number; error?: string }>;
}

/** Runs every check concurrently with a deadline, so one hung dependency cannot hang the probe. */
export async function runHealthChecks(
  checks: readonly HealthCheck[],
  timeoutMs = 2000,
): Promise<HealthReport> {
  const entries: Array<readonly [string, HealthReport['checks'][string]]> = await Promise.all(
    checks.map(async (health) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          health.check(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [
          health.name,
          { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) },
        ] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [
          health.name,
          {
            status: 'unavailable' as const,
            latencyMs: Math.round(performance.now() - started),
            error: message,
          },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const report: HealthReport['checks'] = Object.fromEntries(entries);
  const status = entries.every(([, entry]) => entry.status === 'ok') ? 'ok' : 'unavailable';
  return { status, checks: report };
}
