import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin.routes.js';
import { CallCounter, installCallCounting, type RouteLabeler } from './call.counter.js';
import { type FaultBodyFactory, installFaultHooks } from './fault.hooks.js';
import { FaultStore } from './fault.store.js';
import { type VendorAdmin } from './vendor-admin.types.js';

export interface VendorServerOptions {
  admin: VendorAdmin;
  faultBody: FaultBodyFactory;
  routeLabel?: RouteLabeler;
  bodyLimit?: number;
  querystringParser?: (query: string) => Record<string, unknown>;
}

export interface VendorServer {
  app: FastifyInstance;
  faults: FaultStore;
  calls: CallCounter;
}

/**
 * One Fastify instance per vendor with what every emulator shares: health, call counting, fault injection
 * and the admin API. Vendor hooks and routes are added afterwards, so faults run before vendor auth.
 */
export function createVendorServer(options: VendorServerOptions): VendorServer {
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 500,
      ...(options.querystringParser ? { querystringParser: options.querystringParser } : {}),
    },
  });
  // Clients send `Content-Type: application/json` on DELETE and actions without a body; that is not an error.
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
      const failure = new Error(
        `Invalid JSON in request body: ${error instanceof Error ? error.message : String(error)}`,
      );
      done(Object.assign(failure, { statusCode: 400 }), undefined);
    }
  });
  const faults = new FaultStore();
  const calls = new CallCounter();

  app.get('/health/live', () => ({ status: 'ok' }));
  app.get('/health/ready', () => ({ status: 'ok' }));
  installCallCounting(app, calls, options.routeLabel);
  installFaultHooks(app, faults, options.faultBody);
  registerAdminRoutes(app, { admin: options.admin, faults, calls });
  return { app, faults, calls };
}
