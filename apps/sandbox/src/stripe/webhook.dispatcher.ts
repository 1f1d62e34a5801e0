import { createHmac } from 'node:crypto';
import { type LimitsRegistry } from '../shared/limits.registry.js';
import { type Collection, type StripeEvent, type WebhookEndpoint } from './stripe-object.types.js';

export interface DeliveryAttempt {
  event: string;
  type: string;
  endpoint: string;
  url: string;
  attempt: number;
  status: number | null;
  error: string | null;
  at: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_ATTEMPT_LOG = 1_000;

export function signPayload(secret: string, payload: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/**
 * Delivers events to enabled endpoints that subscribe to them, signed like Stripe, retrying failed
 * deliveries with exponential backoff. Delivery is at least once and unordered, as with Stripe.
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private attempts: DeliveryAttempt[] = [];
  /** Bumped by stop(), so deliveries in flight at a reset neither log nor retry. */
  private generation = 0;

  constructor(
    private readonly endpoints: Collection<WebhookEndpoint>,
    private readonly limits: LimitsRegistry<'webhookMaxAttempts' | 'webhookRetryDelayMs'>,
  ) {}

  dispatch(event: StripeEvent): void {
    const targets = this.endpoints
      .newestFirst()
      .filter((endpoint) => endpoint.status === 'enabled')
      .filter(
        (endpoint) => endpoint.enabled_events.includes('*') || endpoint.enabled_events.includes(event.type),
      );
    event.pending_webhooks = targets.length;
    for (const endpoint of targets) this.schedule(event, endpoint, 1, 0);
  }

  deliveries(): DeliveryAttempt[] {
    return [...this.attempts];
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const controller of this.controllers) controller.abort();
    this.timers.clear();
    this.controllers.clear();
    this.attempts = [];
    this.generation += 1;
  }

  private schedule(event: StripeEvent, endpoint: WebhookEndpoint, attempt: number, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.deliver(event, endpoint, attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private async deliver(event: StripeEvent, endpoint: WebhookEndpoint, attempt: number): Promise<void> {
    const generation = this.generation;
    const payload = JSON.stringify(event, null, 2);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signPayload(endpoint.secret ?? '', payload, Math.floor(Date.now() / 1000)),
        },
        body: payload,
        signal: controller.signal,
      });
      status = response.status;
      await response.body?.cancel();
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
    if (generation !== this.generation) return;
    this.record({
      event: event.id,
      type: event.type,
      endpoint: endpoint.id,
      url: endpoint.url,
      attempt,
      status,
      error,
      at: new Date().toISOString(),
    });
    if (status !== null && status >= 200 && status < 300) {
      event.pending_webhooks = Math.max(event.pending_webhooks - 1, 0);
      return;
    }
    if (attempt < this.limits.get('webhookMaxAttempts')) {
      this.schedule(
        event,
        endpoint,
        attempt + 1,
        this.limits.get('webhookRetryDelayMs') * 2 ** (attempt - 1),
      );
    }
  }

  private record(attempt: DeliveryAttempt): void {
    this.attempts.push(attempt);
    if (this.attempts.length > MAX_ATTEMPT_LOG) this.attempts = this.attempts.slice(-MAX_ATTEMPT_LOG);
  }
}
