import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@concord/platform';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.util.js';

const EXCERPT_CHARS = 512;

export interface SendResult {
  responseStatus: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

/** One signed POST to a receiver; answers what happened, never throws for the receiver's faults. */
@Injectable()
export class WebhookSenderService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(
    url: string,
    secret: string,
    body: string,
    headers: { eventId: string; deliveryId: string; correlationId: string },
  ): Promise<SendResult> {
    const started = Date.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        // A receiver that redirects is misconfigured; following it would send the event elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.partnerEdge.webhook.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Concord-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
          'concord-event-id': headers.eventId,
          'concord-delivery-id': headers.deliveryId,
          'x-correlation-id': headers.correlationId,
        },
        body,
      });
      const text = await response.text().catch(() => '');
      return {
        responseStatus: response.status,
        excerpt: text.slice(0, EXCERPT_CHARS),
        error: null,
        durationMs: Date.now() - started,
      };
    } catch (error) {
      return {
        responseStatus: null,
        excerpt: null,
        error: describeSendError(error),
        durationMs: Date.now() - started,
      };
    }
  }
}

function describeSendError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.name === 'TimeoutError' ? 'timed out' : error.message}${detail}`.slice(0, EXCERPT_CHARS);
  }
  return String(error).slice(0, EXCERPT_CHARS);
}
