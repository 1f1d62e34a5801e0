import { emitEvent } from './events.service.js';
import { previousAttributes } from './object-diff.util.js';
import { type RequestMeta, type StripeSandbox } from './stripe.state.js';
import { type Price, type Subscription } from './stripe-object.types.js';
import { presentSubscription } from './subscription.presenter.js';

export function addInterval(timestamp: number, recurring: NonNullable<Price['recurring']>): number {
  const date = new Date(timestamp * 1000);
  const count = recurring.interval_count;
  switch (recurring.interval) {
    case 'day':
      date.setUTCDate(date.getUTCDate() + count);
      break;
    case 'week':
      date.setUTCDate(date.getUTCDate() + 7 * count);
      break;
    case 'month':
      date.setUTCMonth(date.getUTCMonth() + count);
      break;
    case 'year':
      date.setUTCFullYear(date.getUTCFullYear() + count);
      break;
  }
  return Math.floor(date.getTime() / 1000);
}

export function saveAndAnnounce(
  sandbox: StripeSandbox,
  before: Subscription,
  after: Subscription,
  meta: RequestMeta,
  type = 'customer.subscription.updated',
): void {
  sandbox.subscriptions.set(after);
  const previous = previousAttributes(
    presentSubscription(sandbox, before),
    presentSubscription(sandbox, after),
  );
  if (type !== 'customer.subscription.updated' || Object.keys(previous).length > 0) {
    emitEvent(sandbox, type, after, meta, type === 'customer.subscription.updated' ? previous : undefined);
  }
}

export function cancelSubscription(
  sandbox: StripeSandbox,
  subscription: Subscription,
  meta: RequestMeta,
  details: { comment?: string | null; feedback?: string | null } = {},
): Subscription {
  const now = sandbox.now();
  const canceled: Subscription = {
    ...structuredClone(subscription),
    status: 'canceled',
    canceled_at: now,
    ended_at: now,
    cancel_at_period_end: false,
    cancellation_details: {
      comment: details.comment ?? null,
      feedback: details.feedback ?? null,
      reason: 'cancellation_requested',
    },
  };
  saveAndAnnounce(sandbox, subscription, canceled, meta, 'customer.subscription.deleted');
  return canceled;
}

/** Paying the first invoice of an incomplete (or a past-due) subscription makes it active. */
export function activateAfterPayment(
  sandbox: StripeSandbox,
  subscriptionId: string,
  meta: RequestMeta,
): void {
  const subscription = sandbox.subscriptions.get(subscriptionId);
  if (!subscription || (subscription.status !== 'incomplete' && subscription.status !== 'past_due')) return;
  saveAndAnnounce(sandbox, subscription, { ...structuredClone(subscription), status: 'active' }, meta);
}
