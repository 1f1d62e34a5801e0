import { Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import {
  BillingSubscriptions,
  type SubscriptionPlan,
} from '../../subscriptions/billing-subscriptions.port.js';
import { type SubscriptionRecordDto } from '../../subscriptions/subscription.dto.js';
import { SubscriptionXrefRepository } from '../../subscriptions/subscription-xref.repository.js';
import { StripeClient } from './stripe.client.js';
import { STRIPE_SYSTEM } from './stripe.errors.js';
import {
  customerIdOf,
  isEnded,
  itemChanges,
  searchBySubscriptionKey,
  toSubscriptionCreateParams,
  toSubscriptionRecord,
} from './stripe-subscription.mappers.js';
import { type StripeSubscriptionWire } from './stripe.types.js';

const isKind = (error: unknown, kind: AdapterError['kind']): boolean =>
  error instanceof AdapterError && error.kind === kind;

function refused(kind: 'Conflict' | 'Rejected', message: string, path?: string): AdapterError {
  return new AdapterError({
    kind,
    system: STRIPE_SYSTEM,
    operation: 'subscriptions.upsert',
    message,
    details: path ? [{ path, message }] : [],
  });
}

/**
 * Billing subscriptions in Stripe, keyed by `metadata[concord_subscription_key]`. The subscription of
 * a key is found through the xref, then Stripe search (eventually consistent in Stripe, hence the
 * xref), and created only when both come up empty.
 */
@Injectable()
export class StripeSubscriptionsService extends BillingSubscriptions {
  constructor(
    private readonly stripe: StripeClient,
    private readonly xref: SubscriptionXrefRepository,
  ) {
    super();
  }

  async find(subscriptionKey: string): Promise<SubscriptionRecordDto | undefined> {
    const subscription = await this.locate(subscriptionKey);
    return subscription && toSubscriptionRecord(subscriptionKey, subscription, new Date());
  }

  async upsert(
    subscriptionKey: string,
    plan: SubscriptionPlan,
    writeKey: string,
  ): Promise<{ subscription: SubscriptionRecordDto; created: boolean }> {
    const existing = await this.locate(subscriptionKey);
    if (!existing) {
      const created = await this.create(subscriptionKey, plan, writeKey);
      return { subscription: toSubscriptionRecord(subscriptionKey, created, new Date()), created: true };
    }
    if (isEnded(existing)) {
      throw refused(
        'Conflict',
        `subscription ${existing.id} of ${subscriptionKey} has ended (${existing.status})`,
      );
    }
    if (customerIdOf(existing) !== plan.customerExternalId) {
      throw refused(
        'Rejected',
        `subscription ${existing.id} belongs to another billing customer; a subscription cannot change customer`,
        'customerConcordId',
      );
    }
    const items = itemChanges(existing.items.data, plan.items);
    const terms = {
      ...(plan.collectionMethod ? { collection_method: plan.collectionMethod } : {}),
      ...(plan.daysUntilDue !== undefined ? { days_until_due: plan.daysUntilDue } : {}),
    };
    const updated =
      items.length > 0 || Object.keys(terms).length > 0
        ? await this.stripe.call('subscriptions.update', (sdk) =>
            sdk.subscriptions.update(existing.id, {
              ...terms,
              ...(items.length > 0 ? { items } : {}),
            }),
          )
        : existing;
    return { subscription: toSubscriptionRecord(subscriptionKey, updated, new Date()), created: false };
  }

  async cancel(subscriptionKey: string, atPeriodEnd: boolean): Promise<SubscriptionRecordDto | undefined> {
    const subscription = await this.locate(subscriptionKey);
    if (!subscription) return undefined;
    let result = subscription;
    if (isEnded(subscription)) return toSubscriptionRecord(subscriptionKey, subscription, new Date());
    if (!atPeriodEnd) result = await this.cancelNow(subscription.id);
    else if (!subscription.cancel_at_period_end) {
      result = await this.stripe.call('subscriptions.update', (sdk) =>
        sdk.subscriptions.update(subscription.id, { cancel_at_period_end: true }),
      );
    }
    return toSubscriptionRecord(subscriptionKey, result, new Date());
  }

  private async cancelNow(id: string): Promise<StripeSubscriptionWire> {
    try {
      return await this.stripe.call('subscriptions.cancel', (sdk) => sdk.subscriptions.cancel(id));
    } catch (error) {
      // Canceled meanwhile (or before a lost answer): the outcome asked for is there.
      if (!isKind(error, 'Rejected') && !isKind(error, 'Temporary')) throw error;
      const again = await this.retrieve(id);
      if (again && isEnded(again)) return again;
      throw error;
    }
  }

  private async create(
    subscriptionKey: string,
    plan: SubscriptionPlan,
    writeKey: string,
  ): Promise<StripeSubscriptionWire> {
    const params = toSubscriptionCreateParams(subscriptionKey, plan, new Date());
    let created: StripeSubscriptionWire;
    try {
      created = await this.stripe.call('subscriptions.create', (sdk) =>
        sdk.subscriptions.create(params, { idempotencyKey: writeKey }),
      );
    } catch (error) {
      // The create may have happened with its answer lost: look before anyone creates again.
      if (!isKind(error, 'Temporary')) throw error;
      const found = await this.search(subscriptionKey);
      if (!found) throw error;
      created = found;
    }
    const linked = await this.xref.link(subscriptionKey, created.id);
    return linked === created.id ? created : ((await this.retrieve(linked)) ?? created);
  }

  private async locate(subscriptionKey: string): Promise<StripeSubscriptionWire | undefined> {
    const known = await this.xref.externalIdOf(subscriptionKey);
    if (known) {
      const subscription = await this.retrieve(known);
      if (subscription) return subscription;
      await this.xref.unlink(subscriptionKey, known);
    }
    const found = await this.search(subscriptionKey);
    if (found) await this.xref.link(subscriptionKey, found.id);
    return found;
  }

  private async retrieve(id: string): Promise<StripeSubscriptionWire | undefined> {
    try {
      return await this.stripe.call('subscriptions.retrieve', (sdk) => sdk.subscriptions.retrieve(id));
    } catch (error) {
      if (isKind(error, 'NotFound')) return undefined;
      throw error;
    }
  }

  /** Newest first; a live subscription wins over ended ones under the same key. */
  private async search(subscriptionKey: string): Promise<StripeSubscriptionWire | undefined> {
    const result = await this.stripe.call('subscriptions.search', (sdk) =>
      sdk.subscriptions.search({ query: searchBySubscriptionKey(subscriptionKey), limit: 10 }),
    );
    return result.data.find((subscription) => !isEnded(subscription)) ?? result.data[0];
  }
}
