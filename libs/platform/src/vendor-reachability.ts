import { type HealthCheck } from '@concord/observability';

/**
 * A vendor counts as reachable when it answers HTTP at all (401 included): this checks the network
 * path and the endpoint, not credentials, and costs no API quota on authenticated routes.
 */
export function vendorReachability(name: string, url: string): HealthCheck {
  return {
    name,
    async check() {
      const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(5000) });
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`answered HTTP ${response.status}`);
    },
  };
}
