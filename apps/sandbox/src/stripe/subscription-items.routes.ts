import { type FastifyInstance } from 'fastify';
import { LIST_PARAMS, paginate } from './list.util.js';
import { deleted, paramsOf, requestMeta } from './route.helpers.js';
import { invalidRequest, resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';
import { type FormParams, Params } from './stripe-params.util.js';
import { type Subscription, type SubscriptionItem } from './stripe-object.types.js';
import { presentItem } from './subscription.presenter.js';
import { updateSubscription } from './subscription-update.service.js';

type IdParams = { Params: { id: string } };

const ITEM_PARAMS = ['price', 'quantity', 'metadata', 'proration_behavior', 'payment_behavior'];

/**
 * Subscription items as their own resource. Each write is the matching `items[]` update of the parent
 * subscription, so validation and the `customer.subscription.updated` event are the same.
 */
export function registerSubscriptionItemRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const owner = (itemId: string): { subscription: Subscription; item: SubscriptionItem } => {
    for (const subscription of sandbox.subscriptions.newestFirst()) {
      const item = subscription.items.find((candidate) => candidate.id === itemId);
      if (item) return { subscription, item };
    }
    throw resourceMissing('subscription_item', itemId);
  };

  const subscriptionOf = (id: string): Subscription => {
    const subscription = sandbox.subscriptions.get(id);
    if (!subscription)
      throw invalidRequest(`No such subscription: '${id}'`, 'subscription', 'resource_missing');
    return subscription;
  };

  /** Rewrites item parameters as `items[0][…]` of a subscription update. */
  const asSubscriptionUpdate = (params: Params, item: FormParams): Params => {
    const top: FormParams = { items: [item] };
    for (const key of ['proration_behavior', 'payment_behavior']) {
      const value = params.raw[key];
      if (value !== undefined) top[key] = value;
    }
    return new Params(top);
  };

  const itemFields = (params: Params): FormParams =>
    Object.fromEntries(
      Object.entries(params.raw).filter(([key]) => ['price', 'quantity', 'metadata'].includes(key)),
    );

  app.get('/v1/subscription_items', (request) => {
    const params = paramsOf(request).allowOnly([...LIST_PARAMS, 'subscription']);
    const subscription = subscriptionOf(params.requiredString('subscription'));
    const items = [...subscription.items].reverse().map((item) => ({
      ...presentItem(sandbox, subscription, item),
      id: item.id,
      object: 'subscription_item',
      created: item.created,
    }));
    return paginate(items, params, '/v1/subscription_items', 'subscription_item', (item) => item);
  });

  app.get<IdParams>('/v1/subscription_items/:id', (request) => {
    const { subscription, item } = owner(request.params.id);
    return presentItem(sandbox, subscription, item);
  });

  app.post('/v1/subscription_items', (request) => {
    const params = paramsOf(request).allowOnly(['subscription', ...ITEM_PARAMS]);
    const subscription = subscriptionOf(params.requiredString('subscription'));
    params.requiredString('price');
    const updated = updateSubscription(
      sandbox,
      subscription,
      asSubscriptionUpdate(params, itemFields(params)),
      requestMeta(request),
    );
    const added = updated.items.find((item) => !subscription.items.some((old) => old.id === item.id));
    if (!added) throw invalidRequest('The item could not be added to the subscription.', 'price');
    return presentItem(sandbox, updated, added);
  });

  app.post<IdParams>('/v1/subscription_items/:id', (request) => {
    const { subscription, item } = owner(request.params.id);
    const params = paramsOf(request).allowOnly(ITEM_PARAMS);
    const updated = updateSubscription(
      sandbox,
      subscription,
      asSubscriptionUpdate(params, { ...itemFields(params), id: item.id }),
      requestMeta(request),
    );
    const current = updated.items.find((candidate) => candidate.id === item.id) ?? item;
    return presentItem(sandbox, updated, current);
  });

  app.delete<IdParams>('/v1/subscription_items/:id', (request) => {
    const { subscription, item } = owner(request.params.id);
    if (subscription.items.length === 1) {
      throw invalidRequest(
        'A subscription must have at least one active plan. To cancel a subscription, please use the cancel API endpoint on /v1/subscriptions.',
      );
    }
    const params = paramsOf(request).allowOnly(['proration_behavior', 'clear_usage']);
    updateSubscription(
      sandbox,
      subscription,
      asSubscriptionUpdate(params, { id: item.id, deleted: 'true' }),
      requestMeta(request),
    );
    return deleted(item.id, 'subscription_item');
  });
}
