import { type FastifyInstance } from 'fastify';
import { LIST_PARAMS, paginate } from './list.util.js';
import { listRenderer, paramsOf, respond } from './route.helpers.js';
import { invalidRequest, resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';

export function registerEventRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  app.get('/v1/events', (request) => {
    const params = paramsOf(request).allowOnly([...LIST_PARAMS, 'type', 'types', 'delivery_success']);
    const type = params.string('type');
    const types = params.strings('types');
    if (type && types)
      throw invalidRequest('You may only specify one of these parameters: type, types.', 'types');
    // `type` accepts a trailing `*` wildcard, e.g. `customer.*`.
    const matchesType = (candidate: string) =>
      type
        ? type.endsWith('*')
          ? candidate.startsWith(type.slice(0, -1))
          : candidate === type
        : !types || types.includes(candidate);
    const deliverySuccess = params.bool('delivery_success');
    const items = sandbox.events
      .newestFirst()
      .filter((event) => matchesType(event.type))
      .filter((event) => deliverySuccess === undefined || (event.pending_webhooks === 0) === deliverySuccess);
    return paginate(items, params, '/v1/events', 'event', listRenderer(sandbox, params));
  });

  app.get<{ Params: { id: string } }>('/v1/events/:id', (request) => {
    const event = sandbox.events.get(request.params.id);
    if (!event) throw resourceMissing('event', request.params.id);
    return respond(sandbox, request, event);
  });
}
