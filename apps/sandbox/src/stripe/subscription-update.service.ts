import { invalidRequest } from './stripe.errors.js';
import { type RequestMeta, type StripeSandbox } from './stripe.state.js';
import { applyMetadata, type Params } from './stripe-params.util.js';
import { type Price, type Subscription } from './stripe-object.types.js';
import { newItem, readItemPrice } from './subscription.factory.js';
import { saveAndAnnounce } from './subscription-lifecycle.service.js';

export const SUBSCRIPTION_UPDATE_PARAMS = [
  'items',
  'metadata',
  'description',
  'cancel_at_period_end',
  'collection_method',
  'days_until_due',
  'default_payment_method',
  'trial_end',
  'pause_collection',
  'proration_behavior',
  'payment_behavior',
  'cancellation_details',
  'off_session',
];

function applyItems(sandbox: StripeSandbox, next: Subscription, items: Params[]): void {
  for (const item of items) {
    item.allowOnly(['id', 'price', 'quantity', 'metadata', 'deleted', 'clear_usage']);
    const id = item.string('id');
    const peers = (): Price[] =>
      next.items
        .filter((other) => other.id !== id)
        .map((other) => sandbox.prices.get(other.price))
        .filter((price): price is Price => price !== undefined);
    if (id) {
      const index = next.items.findIndex((existing) => existing.id === id);
      const existing = next.items[index];
      if (!existing) throw invalidRequest(`Invalid subscription_item id: ${id}`, item.name('id'));
      if (item.bool('deleted') === true) {
        next.items.splice(index, 1);
        continue;
      }
      const price = item.has('price') ? readItemPrice(sandbox, item, peers()) : undefined;
      next.items[index] = {
        ...existing,
        ...(price ? { price: price.id } : {}),
        quantity: item.int('quantity', 0) ?? existing.quantity,
        metadata: applyMetadata(existing.metadata, item.metadata()),
      };
      continue;
    }
    const price = readItemPrice(sandbox, item, peers());
    if (next.items.some((existing) => existing.price === price.id)) {
      throw invalidRequest('Cannot add multiple subscription items with the same price.', item.name('price'));
    }
    const periodEnd = next.items[0]?.current_period_end ?? sandbox.now();
    next.items.push(
      newItem(sandbox, price, item.int('quantity', 0) ?? 1, applyMetadata({}, item.metadata()), periodEnd),
    );
  }
  if (next.items.length === 0)
    throw invalidRequest('A subscription must have at least one active item.', 'items');
}

/**
 * Applies an update. Proration is not computed: whatever `proration_behavior` says, item changes take
 * effect from the next period, as with `proration_behavior=none`.
 */
export function updateSubscription(
  sandbox: StripeSandbox,
  before: Subscription,
  params: Params,
  meta: RequestMeta,
): Subscription {
  params.allowOnly(SUBSCRIPTION_UPDATE_PARAMS);
  if (
    before.status === 'canceled' &&
    Object.keys(params.raw).some((key) => !['metadata', 'cancellation_details', 'expand'].includes(key))
  ) {
    throw invalidRequest(
      'A canceled subscription can only update its cancellation_details and metadata.',
      undefined,
    );
  }
  params.oneOf('proration_behavior', ['create_prorations', 'none', 'always_invoice'] as const);
  const next: Subscription = structuredClone(before);
  const items = params.list('items');
  if (items) applyItems(sandbox, next, items);
  next.metadata = applyMetadata(next.metadata, params.metadata());
  const description = params.string('description', 500);
  if (description !== undefined) next.description = description;
  const cancelAtPeriodEnd = params.bool('cancel_at_period_end');
  if (cancelAtPeriodEnd !== undefined) next.cancel_at_period_end = cancelAtPeriodEnd;
  const method = params.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const);
  if (method) next.collection_method = method;
  const days = params.int('days_until_due', 0, 730);
  if (days !== undefined) next.days_until_due = days;
  if (next.collection_method === 'send_invoice' && next.days_until_due === null) {
    throw invalidRequest('Missing required param: days_until_due.', 'days_until_due', 'parameter_missing');
  }
  if (next.collection_method === 'charge_automatically') next.days_until_due = null;
  const paymentMethod = params.string('default_payment_method');
  if (paymentMethod !== undefined) next.default_payment_method = paymentMethod;
  if (params.string('trial_end') === 'now' && next.status === 'trialing') {
    next.status = 'active';
    next.trial_end = sandbox.now();
  }
  const pause = params.object('pause_collection');
  if (pause) {
    pause.allowOnly(['behavior', 'resumes_at']);
    const behavior = pause.oneOf('behavior', ['keep_as_draft', 'mark_uncollectible', 'void'] as const);
    if (!behavior)
      throw invalidRequest(
        'Missing required param: pause_collection[behavior].',
        'pause_collection[behavior]',
        'parameter_missing',
      );
    next.pause_collection = { behavior, resumes_at: pause.int('resumes_at') ?? null };
  } else if (params.raw.pause_collection === '') next.pause_collection = null;
  const details = params.object('cancellation_details');
  if (details) {
    details.allowOnly(['comment', 'feedback']);
    next.cancellation_details = {
      ...(next.cancellation_details as object),
      comment: details.string('comment') ?? null,
      feedback: details.string('feedback') ?? null,
    };
  }
  saveAndAnnounce(sandbox, before, next, meta);
  return next;
}
