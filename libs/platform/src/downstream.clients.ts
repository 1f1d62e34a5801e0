import { createLayerClient, type LayerClient } from '@concord/http';
import { type ServiceTokenIssuer } from '@concord/governance';
import { CORRELATION_HEADER, currentCorrelationId, type Registry } from '@concord/observability';
import { APPS, type AppName } from './app-catalog.js';
import { type AppConfig } from './app-config.js';

/**
 * Clients for the layer directly below this app, one pooled client per target. Every call carries
 * the correlation ID and a service token whose audience is the target's layer.
 */
export class DownstreamClients {
  private readonly clients = new Map<AppName, LayerClient>();

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: ServiceTokenIssuer,
    private readonly registry: Registry,
  ) {}

  targets(): AppName[] {
    return Object.keys(this.config.downstream) as AppName[];
  }

  get(target: AppName): LayerClient {
    const existing = this.clients.get(target);
    if (existing) return existing;
    const baseUrl = this.config.downstream[target];
    if (!baseUrl)
      throw new Error(`${this.config.app.name} may not call ${target}: layers call only the layer below`);
    const audience = APPS[target].layer;
    const client = createLayerClient({
      system: target,
      baseUrl,
      registry: this.registry,
      timeoutMs: 10_000,
      // Synchronous while the token is fresh, so most calls add no promise for their headers.
      headers: () => {
        const token = this.tokens.cachedTokenFor(audience);
        if (token) return this.callHeaders(token);
        return this.tokens.tokenFor(audience).then((fresh) => this.callHeaders(fresh));
      },
    });
    this.clients.set(target, client);
    return client;
  }

  private callHeaders(token: string): Record<string, string> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    return headers;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
    this.clients.clear();
  }
}
