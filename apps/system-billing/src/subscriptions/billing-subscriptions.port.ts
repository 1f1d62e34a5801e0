import { type CollectionMethod, type SubscriptionRecordDto } from './subscription.dto.js';

/** A subscription request with the billing customer and each SKU's current price resolved. */
export interface SubscriptionPlan {
  customerExternalId: string;
  items: Array<{ sku: string; quantity: number; priceExternalId: string }>;
  startDate?: string;
  trialDays?: number;
  collectionMethod?: CollectionMethod;
  daysUntilDue?: number;
}

/** The billing system's subscriptions, keyed by Concord's subscription key; one implementation per vendor. */
export abstract class BillingSubscriptions {
  /** The subscription holding the key (canceled ones included), or undefined. */
  abstract find(subscriptionKey: string): Promise<SubscriptionRecordDto | undefined>;

  /**
   * Creates the key's subscription, or brings an existing one's items in line with the plan; at most
   * one subscription per key: `writeKey` makes a repeated create (after a lost answer) return the first.
   */
  abstract upsert(
    subscriptionKey: string,
    plan: SubscriptionPlan,
    writeKey: string,
  ): Promise<{ subscription: SubscriptionRecordDto; created: boolean }>;

  /** Cancels now or at period end (idempotent); undefined when no subscription holds the key. */
  abstract cancel(subscriptionKey: string, atPeriodEnd: boolean): Promise<SubscriptionRecordDto | undefined>;
}
