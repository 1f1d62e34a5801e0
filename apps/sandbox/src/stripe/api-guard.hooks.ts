import { type FastifyInstance } from 'fastify';
import { isControlPath } from '../shared/control-path.util.js';
import { randomBase62 } from '../shared/random.util.js';
import { rememberRequestId } from './route.helpers.js';
import { rateLimited, StripeError } from './stripe.errors.js';
import { STRIPE_API_KEY, type StripeSandbox } from './stripe.state.js';

function presentedKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  if (authorization.startsWith('Bearer ')) return authorization.slice(7).trim();
  if (authorization.startsWith('Basic '))
    return Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':')[0];
  return undefined;
}

const masked = (key: string): string =>
  key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : key;

/**
 * Every answer carries a Request-Id. Then the secret key, then the per-second rate limit. Stripe
 * answers a bad key with 401 and type invalid_request_error; the SDK turns it into an authentication error.
 */
export function installApiGuard(app: FastifyInstance, sandbox: StripeSandbox): void {
  app.addHook('onRequest', async (request, reply) => {
    const requestId = `req_${randomBase62(14)}`;
    rememberRequestId(request, requestId);
    reply.header('Request-Id', requestId);
    if (isControlPath(request.url)) return;
    const key = presentedKey(request.headers.authorization);
    if (key === undefined || key === '') {
      const error = new StripeError(
        401,
        'invalid_request_error',
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      );
      return reply.code(401).send(error.toBody());
    }
    if (key !== STRIPE_API_KEY) {
      return reply
        .code(401)
        .send(
          new StripeError(401, 'invalid_request_error', `Invalid API Key provided: ${masked(key)}`).toBody(),
        );
    }
    if (!sandbox.tryAcquireRate()) return reply.code(429).send(rateLimited().toBody());
  });

  // Faults answer before the hook above runs; their answers still carry a Request-Id.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('request-id')) reply.header('Request-Id', `req_${randomBase62(14)}`);
    return payload;
  });
}
