import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { isControlPath, pathOf } from '../shared/control-path.util.js';
import { StripeError } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';

const MAX_KEY_LENGTH = 255;
const inFlight = new WeakMap<FastifyRequest, string>();

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Stripe's idempotency layer for POST: the first answer for a key is stored and replayed (5xx too),
 * other parameters under the same key are refused, and a duplicate arriving while the first is still
 * running gets 409. Parameter validation errors (400) leave nothing stored.
 */
export function installIdempotency(app: FastifyInstance, sandbox: StripeSandbox): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || isControlPath(request.url)) return;
    if (key.length > MAX_KEY_LENGTH) {
      const error = new StripeError(
        400,
        'invalid_request_error',
        `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`,
      );
      return reply.code(400).send(error.toBody());
    }
    const fingerprint = `${request.method} ${pathOf(request.url)} ${stable(request.body ?? {})}`;
    const decision = sandbox.idempotency.begin(key, fingerprint);
    switch (decision.kind) {
      case 'new':
        inFlight.set(request, key);
        return;
      case 'in_flight':
        return reply
          .code(409)
          .send(
            new StripeError(
              409,
              'idempotency_error',
              `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
              'idempotency_key_in_use',
            ).toBody(),
          );
      case 'mismatch':
        return reply
          .code(400)
          .send(
            new StripeError(
              400,
              'idempotency_error',
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            ).toBody(),
          );
      case 'replay':
        reply.header('Idempotent-Replayed', 'true');
        reply.header('Original-Request', decision.response.requestId);
        reply.header('content-type', decision.response.contentType);
        return reply.code(decision.response.status).send(decision.response.body);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = inFlight.get(request);
    if (key === undefined) return payload;
    inFlight.delete(request);
    if (reply.statusCode === 400 || reply.statusCode === 429) {
      sandbox.idempotency.abandon(key);
      return payload;
    }
    sandbox.idempotency.complete(key, {
      status: reply.statusCode,
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      requestId: String(reply.getHeader('request-id') ?? ''),
    });
    return payload;
  });
}
