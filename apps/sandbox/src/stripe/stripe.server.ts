import { type FastifyError, type FastifyInstance } from 'fastify';
import qs from 'qs';
import { createVendorServer, type VendorServer } from '../shared/vendor-server.factory.js';
import { installApiGuard } from './api-guard.hooks.js';
import { registerCustomerRoutes } from './customers.routes.js';
import { registerEventRoutes } from './events.routes.js';
import { installIdempotency } from './idempotency.hooks.js';
import { registerInvoiceItemRoutes } from './invoice-items.routes.js';
import { registerInvoiceRoutes } from './invoices.routes.js';
import { registerPriceRoutes } from './prices.routes.js';
import { registerProductRoutes } from './products.routes.js';
import { StripeAdmin } from './stripe.admin.js';
import { faultBody, StripeError } from './stripe.errors.js';
import { type StripeLimitName, StripeSandbox } from './stripe.state.js';
import { registerSubscriptionItemRoutes } from './subscription-items.routes.js';
import { registerSubscriptionRoutes } from './subscriptions.routes.js';
import { registerWebhookEndpointRoutes } from './webhook-endpoints.routes.js';

export interface StripeServerOptions {
  seed?: boolean;
  limits?: Partial<Record<StripeLimitName, number>>;
}

export interface StripeServer extends VendorServer {
  sandbox: StripeSandbox;
}

// Bracket nesting (`items[0][price]`); long arrays stay arrays and deep metadata stays readable.
const parseForm = (text: string): Record<string, unknown> =>
  qs.parse(text, { arrayLimit: 1000, depth: 10, parameterLimit: 10_000 });

function installParsers(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, parseForm(String(body)));
    },
  );
}

export function createStripeServer(options: StripeServerOptions = {}): StripeServer {
  const sandbox = new StripeSandbox(options.limits);
  const admin = new StripeAdmin(sandbox);
  const server = createVendorServer({
    admin,
    faultBody,
    querystringParser: parseForm,
  });
  const { app } = server;
  installParsers(app);
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof StripeError) return reply.code(error.status).send(error.toBody());
    const status = error.statusCode ?? 500;
    if (status >= 500) return reply.code(500).send(faultBody(500));
    return reply.code(status).send(new StripeError(status, 'invalid_request_error', error.message).toBody());
  });
  app.setNotFoundHandler(async (request, reply) => {
    const error = new StripeError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${request.method}: ${request.url.split('?')[0] ?? ''}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    );
    return reply.code(404).send(error.toBody());
  });
  installApiGuard(app, sandbox);
  installIdempotency(app, sandbox);
  registerCustomerRoutes(app, sandbox);
  registerProductRoutes(app, sandbox);
  registerPriceRoutes(app, sandbox);
  registerSubscriptionRoutes(app, sandbox);
  registerSubscriptionItemRoutes(app, sandbox);
  registerInvoiceRoutes(app, sandbox);
  registerInvoiceItemRoutes(app, sandbox);
  registerEventRoutes(app, sandbox);
  registerWebhookEndpointRoutes(app, sandbox);
  app.addHook('onClose', (_instance, done) => {
    sandbox.webhooks.stop();
    done();
  });
  if (options.seed !== false) admin.seed();
  return { ...server, sandbox };
}
