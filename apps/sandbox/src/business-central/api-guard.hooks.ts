import { type FastifyInstance } from 'fastify';
import { isControlPath, pathOf } from '../shared/control-path.util.js';
import { BcError } from './business-central.errors.js';
import { type BusinessCentralSandbox } from './business-central.state.js';

/** Bearer token check, then the per-principal request budget (6,000 per 5 minutes by default) → 429. */
export function installApiGuard(app: FastifyInstance, state: BusinessCentralSandbox): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    if (isControlPath(path) || !path.startsWith('/v2.0/')) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token || !state.isValidToken(token)) {
      reply.header('WWW-Authenticate', 'Bearer realm="", error="invalid_token"');
      return reply
        .code(401)
        .send(
          new BcError(
            401,
            'Authentication_InvalidCredentials',
            'The server has rejected the client credentials.',
          ).toBody(),
        );
    }
    if (!state.spendBudget()) {
      const budget = state.limitsRegistry.get('requestBudget');
      return reply
        .code(429)
        .send(
          new BcError(
            429,
            'Application_TooManyRequests',
            `Too many requests reached. Maximum (${budget}) per window.`,
          ).toBody(),
        );
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (pathOf(request.url).startsWith('/v2.0/')) reply.header('OData-Version', '4.0');
    return payload;
  });
}
