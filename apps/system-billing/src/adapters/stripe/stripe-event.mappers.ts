import { type CustomerChangeDto } from '@concord/contracts';
import { concordIdOf, isoFromSeconds, toCustomerRecord } from './stripe.mappers.js';
import { type StripeCustomerWire, type StripeEventWire } from './stripe.types.js';

/** A billing event in canonical terms, as the inbox records it. */
export interface BillingEvent {
  sourceEventId: string;
  /** `billing.<domain>.<what happened>`, e.g. `billing.customer.updated`. */
  type: string;
  domain: string;
  entityId: string;
  /** Orders the versions of one object by its state, not by delivery order. */
  sourceVersion: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

const INVOICE_RANK: Record<string, number> = { draft: 0, open: 1, paid: 2, void: 2, uncollectible: 2 };
const SUBSCRIPTION_RANK: Record<string, number> = {
  incomplete: 0,
  trialing: 1,
  active: 2,
  past_due: 3,
  unpaid: 4,
  paused: 4,
  canceled: 5,
  incomplete_expired: 5,
};

const padded = (seconds: number): string => String(seconds).padStart(12, '0');

/**
 * Invoices only move forward (draft → open → paid | void | uncollectible), so their state ranks first;
 * a subscription can move back and forth, so time ranks first and the state breaks ties in a second.
 */
export function sourceVersionOf(event: StripeEventWire): string {
  const object = event.data.object;
  const status = object.status ?? '';
  switch (object.object ?? '') {
    case 'invoice':
      return `${INVOICE_RANK[status] ?? 0}-${padded(event.created)}`;
    case 'subscription':
      return `${padded(event.created)}-${SUBSCRIPTION_RANK[status] ?? 0}`;
    case 'customer':
      return `${padded(event.created)}-${event.type === 'customer.deleted' ? 1 : 0}`;
    default:
      return padded(event.created);
  }
}

/** `customer.subscription.updated` → `billing.subscription.updated`; `invoice.paid` → `billing.invoice.paid`. */
export function toBillingEvent(event: StripeEventWire): BillingEvent {
  const object = event.data.object;
  const domain = object.object ?? event.type.split('.')[0] ?? 'unknown';
  const prefix = event.type.startsWith('customer.subscription.')
    ? 'customer.subscription.'
    : `${event.type.split('.')[0] ?? ''}.`;
  return {
    sourceEventId: event.id,
    type: `billing.${domain}.${event.type.slice(prefix.length)}`,
    domain,
    entityId: object.id ?? '',
    sourceVersion: sourceVersionOf(event),
    occurredAt: isoFromSeconds(event.created),
    payload: { stripeType: event.type, object },
  };
}

/** A `customer.*` event as a change of the customer feed; other customer events are not changes. */
export function toCustomerChange(event: StripeEventWire): CustomerChangeDto | undefined {
  const customer = event.data.object as unknown as StripeCustomerWire;
  const concordId = concordIdOf(customer);
  const base = {
    externalId: customer.id,
    sourceVersion: isoFromSeconds(event.created),
    ...(concordId ? { concordId } : {}),
  };
  switch (event.type) {
    case 'customer.deleted':
      return { kind: 'delete', ...base };
    case 'customer.created':
    case 'customer.updated':
      return {
        kind: 'upsert',
        ...base,
        ...(concordId
          ? { record: { ...toCustomerRecord(customer, concordId), sourceVersion: base.sourceVersion } }
          : {}),
      };
    default:
      return undefined;
  }
}
