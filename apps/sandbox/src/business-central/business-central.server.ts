import { type FastifyError } from 'fastify';
import { pathOf } from '../shared/control-path.util.js';
import { createVendorServer, type VendorServer } from '../shared/vendor-server.factory.js';
import { installApiGuard } from './api-guard.hooks.js';
import { registerBatchRoutes } from './batch.routes.js';
import { BusinessCentralAdmin } from './business-central.admin.js';
import { BcError, faultBody, notFoundSegment } from './business-central.errors.js';
import { type BusinessCentralLimitName, BusinessCentralSandbox } from './business-central.state.js';
import { EntityService } from './entity.service.js';
import { registerOAuthRoutes } from './oauth.routes.js';
import { registerODataRoutes } from './odata.routes.js';

export interface BusinessCentralServerOptions {
  seed?: boolean;
  limits?: Partial<Record<BusinessCentralLimitName, number>>;
}

export interface BusinessCentralServer extends VendorServer {
  sandbox: BusinessCentralSandbox;
}

/** Call counters group OData URLs by shape: keys become `()`, e.g. `GET …/companies()/customers()`. */
function routeLabel(url: string): string {
  return pathOf(url).replace(/\([^)]*\)/g, '()');
}

export function createBusinessCentralServer(
  options: BusinessCentralServerOptions = {},
): BusinessCentralServer {
  const sandbox = new BusinessCentralSandbox(options.limits);
  const admin = new BusinessCentralAdmin(sandbox);
  admin.reset(options.seed !== false);
  const server = createVendorServer({
    admin,
    faultBody,
    routeLabel: (request) => routeLabel(request.url),
  });
  const { app } = server;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof BcError) return reply.code(error.status).send(error.toBody());
    const status = error.statusCode ?? 500;
    if (status >= 500) return reply.code(500).send(faultBody(500));
    return reply.code(status).send(new BcError(status, 'BadRequest', error.message).toBody());
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send(notFoundSegment(pathOf(request.url)).toBody()),
  );
  installApiGuard(app, sandbox);
  const service = new EntityService(sandbox);
  registerOAuthRoutes(app, sandbox);
  registerODataRoutes(app, sandbox, service);
  registerBatchRoutes(app, sandbox);
  return { ...server, sandbox };
}
