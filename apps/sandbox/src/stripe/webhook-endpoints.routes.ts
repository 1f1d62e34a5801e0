import { type FastifyInstance } from 'fastify';
import { randomBase62 } from '../shared/random.util.js';
import { LIST_PARAMS, paginate } from './list.util.js';
import { deleted, listRenderer, paramsOf, respond } from './route.helpers.js';
import { invalidRequest, resourceMissing } from './stripe.errors.js';
import { STRIPE_API_VERSION, type StripeSandbox } from './stripe.state.js';
import { applyMetadata, type Params } from './stripe-params.util.js';
import { type WebhookEndpoint } from './stripe-object.types.js';

type IdParams = { Params: { id: string } };

const EVENT_TYPE = /^(\*|[a-z_]+(\.[a-z_]+)*\.[a-z_*]+)$/;

function readUrl(params: Params): string {
  const url = params.requiredString('url', 2048);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidRequest(`Invalid URL: ${url}`, 'url', 'url_invalid');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw invalidRequest(`Invalid URL: ${url}`, 'url', 'url_invalid');
  return url;
}

function readEvents(params: Params): string[] | undefined {
  const events = params.strings('enabled_events');
  if (events === undefined) return undefined;
  if (events.length === 0)
    throw invalidRequest('Missing required param: enabled_events.', 'enabled_events', 'parameter_missing');
  const bad = events.findIndex((type) => !EVENT_TYPE.test(type));
  if (bad >= 0)
    throw invalidRequest(`Invalid enabled_events[${bad}]: ${events[bad] ?? ''}`, `enabled_events[${bad}]`);
  return events;
}

export function registerWebhookEndpointRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const find = (id: string): WebhookEndpoint => {
    const endpoint = sandbox.webhookEndpoints.get(id);
    if (!endpoint) throw resourceMissing('webhook_endpoint', id);
    return endpoint;
  };

  app.post('/v1/webhook_endpoints', (request) => {
    const params = paramsOf(request).allowOnly([
      'url',
      'enabled_events',
      'description',
      'metadata',
      'api_version',
      'connect',
    ]);
    const url = readUrl(params);
    const events = readEvents(params);
    if (!events)
      throw invalidRequest('Missing required param: enabled_events.', 'enabled_events', 'parameter_missing');
    const endpoint: WebhookEndpoint = {
      id: sandbox.newId('we'),
      object: 'webhook_endpoint',
      api_version: params.string('api_version') ?? STRIPE_API_VERSION,
      application: null,
      created: sandbox.now(),
      description: params.string('description') ?? null,
      enabled_events: events,
      livemode: false,
      metadata: applyMetadata({}, params.metadata()),
      status: 'enabled',
      url,
      secret: `whsec_${randomBase62(32)}`,
    };
    sandbox.webhookEndpoints.set(endpoint);
    // The secret is part of the answer only here, when the endpoint is created.
    return { ...respond(sandbox, request, endpoint), secret: endpoint.secret };
  });

  app.get('/v1/webhook_endpoints', (request) => {
    const params = paramsOf(request).allowOnly(LIST_PARAMS);
    return paginate(
      sandbox.webhookEndpoints.newestFirst(),
      params,
      '/v1/webhook_endpoints',
      'webhook_endpoint',
      listRenderer(sandbox, params),
    );
  });

  app.get<IdParams>('/v1/webhook_endpoints/:id', (request) =>
    respond(sandbox, request, find(request.params.id)),
  );

  app.post<IdParams>('/v1/webhook_endpoints/:id', (request) => {
    const endpoint = structuredClone(find(request.params.id));
    const params = paramsOf(request).allowOnly([
      'url',
      'enabled_events',
      'description',
      'metadata',
      'disabled',
    ]);
    if (params.has('url')) endpoint.url = readUrl(params);
    endpoint.enabled_events = readEvents(params) ?? endpoint.enabled_events;
    const description = params.string('description');
    if (description !== undefined) endpoint.description = description;
    const disabled = params.bool('disabled');
    if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
    endpoint.metadata = applyMetadata(endpoint.metadata, params.metadata());
    sandbox.webhookEndpoints.set(endpoint);
    return respond(sandbox, request, endpoint);
  });

  app.delete<IdParams>('/v1/webhook_endpoints/:id', (request) => {
    const endpoint = find(request.params.id);
    sandbox.webhookEndpoints.delete(endpoint.id);
    return deleted(endpoint.id, 'webhook_endpoint');
  });
}
