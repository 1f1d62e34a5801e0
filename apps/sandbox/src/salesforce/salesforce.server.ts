import { type FastifyError, type FastifyInstance } from 'fastify';
import { createVendorServer, type VendorServer } from '../shared/vendor-server.factory.js';
import { installApiGuard } from './api-guard.hooks.js';
import { registerCompositeRequestRoutes } from './composite-request.routes.js';
import { registerCompositeRoutes } from './composite.routes.js';
import { registerOAuthRoutes, type SalesforceOAuthOptions } from './oauth.routes.js';
import { registerQueryRoutes } from './query.routes.js';
import { formatDateTime } from './salesforce-date.util.js';
import { faultBody, notFound, SalesforceError } from './salesforce.errors.js';
import { type SalesforceLimitName, SalesforceSandbox } from './salesforce.state.js';
import { registerSchemaDriftRoutes } from './schema-drift.routes.js';
import { registerSObjectRoutes } from './sobject.routes.js';
import { registerVersionRoutes } from './versions.routes.js';

export interface SalesforceServerOptions extends SalesforceOAuthOptions {
  seed?: boolean;
  limits?: Partial<Record<SalesforceLimitName, number>>;
}

export interface SalesforceServer extends VendorServer {
  sandbox: SalesforceSandbox;
}

function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'invalid JSON';
      done(
        new SalesforceError(400, 'JSON_PARSER_ERROR', `Unexpected character in request body: ${reason}`),
        undefined,
      );
    }
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}

export function createSalesforceServer(options: SalesforceServerOptions = {}): SalesforceServer {
  const sandbox = new SalesforceSandbox(options.limits);
  const server = createVendorServer({ admin: sandbox, faultBody });
  const { app } = server;
  installBodyParsers(app);
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof SalesforceError) return reply.code(error.status).send(error.toBody());
    const status = error.statusCode ?? 500;
    if (status >= 500) return reply.code(500).send(faultBody(500));
    const errorCode =
      status === 415
        ? 'UNSUPPORTED_MEDIA_TYPE'
        : status === 413
          ? 'REQUEST_ENTITY_TOO_LARGE'
          : 'INVALID_REQUEST';
    return reply.code(status).send([{ message: error.message, errorCode }]);
  });
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).send(notFound().toBody()));
  installApiGuard(app, sandbox);

  app.post('/__admin/sessions/expire', () => {
    sandbox.expireSessions();
    return { expired: true };
  });
  // A transaction that stamped its rows `ageMs` ago and commits only now: polling feeds must still see it.
  app.post<{ Body: { type?: unknown; id?: unknown; ageMs?: unknown } }>(
    '/__admin/late-commit',
    async (request, reply) => {
      const { type, id, ageMs } = request.body ?? {};
      const record =
        typeof type === 'string' && typeof id === 'string' ? sandbox.store.get(type, id) : undefined;
      if (!record || typeof ageMs !== 'number' || ageMs < 0)
        return reply
          .code(400)
          .send({ error: 'body must name an existing {type, id} and a non-negative ageMs' });
      const stamp = formatDateTime(new Date(Date.now() - ageMs));
      sandbox.store.put(String(type), { ...record, SystemModstamp: stamp, LastModifiedDate: stamp });
      return { id, SystemModstamp: stamp };
    },
  );
  registerSchemaDriftRoutes(app);
  registerOAuthRoutes(app, sandbox, options);
  registerVersionRoutes(app, sandbox);
  registerSObjectRoutes(app, sandbox);
  registerCompositeRoutes(app, sandbox);
  registerCompositeRequestRoutes(app, sandbox);
  registerQueryRoutes(app, sandbox);
  if (options.seed !== false) sandbox.seed();
  return { ...server, sandbox };
}
