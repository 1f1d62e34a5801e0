import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SubscriptionPlan } from '../../subscriptions/billing-subscriptions.port.js';
import {
  itemChanges,
  searchBySubscriptionKey,
  skuOf,
  toInvoiceRecord,
  toSubscriptionCreateParams,
  toSubscriptionRecord,
} from './stripe-subscription.mappers.js';
import { type StripeSubscriptionItemWire, type StripeSubscriptionWire } from './stripe.types.js';

const item = (id: string, price: string, sku: string, quantity = 1): StripeSubscriptionItemWire => ({
  id,
  quantity,
  metadata: { concord_sku: sku },
  current_period_end: 1_780_000_000,
  price: { id: price, lookup_key: `concord:${sku}`, product: `concord_${sku}` },
});

const subscription: StripeSubscriptionWire = {
  id: 'sub_1MowQVLkdIwHu7ixeRlqHVzs',
  status: 'active',
  customer: 'cus_NffrFeUfNV2Hib',
  cancel_at_period_end: false,
  created: 1_777_000_000,
  metadata: { concord_subscription_key: 'opp-1' },
  items: { data: [item('si_gold', 'price_gold', 'GOLD', 2), item('si_seat', 'price_seat', 'SEAT', 10)] },
};

const plan: SubscriptionPlan = {
  customerExternalId: 'cus_NffrFeUfNV2Hib',
  items: [
    { sku: 'GOLD', quantity: 2, priceExternalId: 'price_gold' },
    { sku: 'SEAT', quantity: 10, priceExternalId: 'price_seat' },
  ],
};

describe('subscription mappers', () => {
  it('Stripe subscription → canonical record, SKUs from item metadata', () => {
    const observedAt = new Date('2026-07-01T09:30:00.000Z');
    assert.deepEqual(toSubscriptionRecord('opp-1', subscription, observedAt), {
      subscriptionKey: 'opp-1',
      externalId: 'sub_1MowQVLkdIwHu7ixeRlqHVzs',
      status: 'active',
      cancelAtPeriodEnd: false,
      currentPeriodEnd: '2026-05-28T20:26:40.000Z',
      items: [
        { sku: 'GOLD', quantity: 2, priceExternalId: 'price_gold' },
        { sku: 'SEAT', quantity: 10, priceExternalId: 'price_seat' },
      ],
      sourceVersion: '2026-07-01T09:30:00.000Z',
    });
  });

  it('reads the SKU from the lookup key when the item carries no Concord metadata', () => {
    assert.equal(skuOf({ ...item('si_1', 'price_1', 'GOLD'), metadata: {} }), 'GOLD');
    const foreign = { ...item('si_1', 'price_1', 'X'), metadata: {} };
    assert.equal(skuOf({ ...foreign, price: { ...foreign.price, lookup_key: null } }), 'concord_X');
  });

  it('canonical plan → create parameters with the key, item SKUs and terms', () => {
    const now = new Date('2026-07-01T09:30:00.000Z');
    assert.deepEqual(
      toSubscriptionCreateParams(
        'opp-1',
        { ...plan, collectionMethod: 'send_invoice', daysUntilDue: 30, trialDays: 14 },
        now,
      ),
      {
        customer: 'cus_NffrFeUfNV2Hib',
        items: [
          { price: 'price_gold', quantity: 2, metadata: { concord_sku: 'GOLD' } },
          { price: 'price_seat', quantity: 10, metadata: { concord_sku: 'SEAT' } },
        ],
        metadata: { concord_subscription_key: 'opp-1' },
        collection_method: 'send_invoice',
        days_until_due: 30,
        trial_period_days: 14,
      },
    );
    const future = toSubscriptionCreateParams(
      'opp-1',
      { ...plan, startDate: '2026-08-01', trialDays: 1 },
      now,
    );
    assert.equal(future.trial_end, Date.parse('2026-08-02T00:00:00Z') / 1000);
    const past = toSubscriptionCreateParams('opp-1', { ...plan, startDate: '2026-01-01' }, now);
    assert.equal(past.trial_end, undefined);
    assert.equal(past.trial_period_days, undefined);
  });

  it('quotes the key in the search query', () => {
    assert.equal(searchBySubscriptionKey("o'1"), "metadata['concord_subscription_key']:'o\\'1'");
  });
});

describe('itemChanges', () => {
  it('is empty when the items already match', () => {
    assert.deepEqual(itemChanges(subscription.items.data, plan.items), []);
  });

  it('changes quantities, switches a re-priced SKU, adds and removes items, wanted items first', () => {
    const wanted = [
      { sku: 'SEAT', quantity: 12, priceExternalId: 'price_seat' },
      { sku: 'GOLD', quantity: 2, priceExternalId: 'price_gold_2027' },
      { sku: 'NEW', quantity: 1, priceExternalId: 'price_new' },
    ];
    assert.deepEqual(itemChanges(subscription.items.data, wanted), [
      { id: 'si_seat', quantity: 12 },
      { id: 'si_gold', quantity: 2, price: 'price_gold_2027' },
      { price: 'price_new', quantity: 1, metadata: { concord_sku: 'NEW' } },
    ]);
    assert.deepEqual(itemChanges(subscription.items.data, [plan.items[0]!]), [
      { id: 'si_gold', quantity: 2 },
      { id: 'si_seat', deleted: true },
    ]);
  });
});

describe('toInvoiceRecord', () => {
  it('maps amounts to ISO minor units, optional fields only when set', () => {
    const base = {
      id: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
      number: null,
      status: 'draft',
      currency: 'isk',
      amount_due: 150000,
      amount_paid: 0,
      hosted_invoice_url: null,
      created: 1_780_000_000,
      due_date: null,
    };
    assert.deepEqual(toInvoiceRecord(base), {
      externalId: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
      number: null,
      status: 'draft',
      currency: 'ISK',
      amountDueMinor: 1500,
      amountPaidMinor: 0,
      created: '2026-05-28T20:26:40.000Z',
    });
    const paid = toInvoiceRecord({
      ...base,
      number: 'CONCORD-0001',
      status: 'paid',
      currency: 'eur',
      amount_paid: 150000,
      hosted_invoice_url: 'https://invoice.stripe.com/i/x',
      due_date: 1_780_086_400,
    });
    assert.equal(paid.amountPaidMinor, 150000);
    assert.equal(paid.hostedInvoiceUrl, 'https://invoice.stripe.com/i/x');
    assert.equal(paid.dueDate, '2026-05-29T20:26:40.000Z');
  });
});
