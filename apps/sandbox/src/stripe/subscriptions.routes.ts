import { type FastifyInstance } from 'fastify';
import { LIST_PARAMS, paginate } from './list.util.js';
import { listRenderer, paramsOf, requestMeta, respond } from './route.helpers.js';
import { metadataField, searchPage } from './search.util.js';
import { type SearchField } from './search-query.parser.js';
import { invalidRequest, resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';
import { type Subscription } from './stripe-object.types.js';
import { createSubscription } from './subscription.factory.js';
import { cancelSubscription } from './subscription-lifecycle.service.js';
import { updateSubscription } from './subscription-update.service.js';

type IdParams = { Params: { id: string } };

const STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
  'ended',
  'all',
] as const;

const SEARCH_FIELDS: Record<string, SearchField<Subscription>> = {
  status: { kind: 'string', read: (s) => s.status },
  created: { kind: 'number', read: (s) => s.created },
  metadata: metadataField<Subscription>(),
};

export function registerSubscriptionRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const find = (id: string): Subscription => {
    const subscription = sandbox.subscriptions.get(id);
    if (!subscription) throw resourceMissing('subscription', id);
    return subscription;
  };

  app.post('/v1/subscriptions', (request) =>
    respond(sandbox, request, createSubscription(sandbox, paramsOf(request), requestMeta(request))),
  );

  app.get('/v1/subscriptions', (request) => {
    const params = paramsOf(request).allowOnly([
      ...LIST_PARAMS,
      'customer',
      'price',
      'status',
      'collection_method',
    ]);
    const customer = params.string('customer');
    const price = params.string('price');
    const method = params.string('collection_method');
    // Without a status filter Stripe lists every subscription that is not canceled.
    const status = params.oneOf('status', STATUSES);
    const items = sandbox.subscriptions
      .newestFirst()
      .filter(
        (s) =>
          (!customer || s.customer === customer) &&
          (!price || s.items.some((item) => item.price === price)) &&
          (!method || s.collection_method === method) &&
          (status === 'all' ||
            (status === undefined && s.status !== 'canceled') ||
            (status === 'ended' && (s.status === 'canceled' || s.status === 'incomplete_expired')) ||
            s.status === status),
      );
    return paginate(items, params, '/v1/subscriptions', 'subscription', listRenderer(sandbox, params));
  });

  app.get('/v1/subscriptions/search', (request) => {
    const params = paramsOf(request);
    return searchPage(
      sandbox.subscriptions,
      params,
      'subscriptions',
      SEARCH_FIELDS,
      listRenderer(sandbox, params),
    );
  });

  app.get<IdParams>('/v1/subscriptions/:id', (request) => respond(sandbox, request, find(request.params.id)));

  app.post<IdParams>('/v1/subscriptions/:id', (request) =>
    respond(
      sandbox,
      request,
      updateSubscription(sandbox, find(request.params.id), paramsOf(request), requestMeta(request)),
    ),
  );

  app.delete<IdParams>('/v1/subscriptions/:id', (request) => {
    const subscription = find(request.params.id);
    const params = paramsOf(request).allowOnly(['cancellation_details', 'invoice_now', 'prorate']);
    if (subscription.status === 'canceled') {
      throw invalidRequest(`This subscription has already been canceled: ${subscription.id}`, undefined);
    }
    const details = params.object('cancellation_details')?.allowOnly(['comment', 'feedback']);
    const canceled = cancelSubscription(sandbox, subscription, requestMeta(request), {
      comment: details?.string('comment') ?? null,
      feedback: details?.string('feedback') ?? null,
    });
    return respond(sandbox, request, canceled);
  });
}
