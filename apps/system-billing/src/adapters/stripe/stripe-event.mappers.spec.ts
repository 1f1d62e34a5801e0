import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sourceVersionOf, toBillingEvent, toCustomerChange } from './stripe-event.mappers.js';
import { type StripeEventWire } from './stripe.types.js';

const ID = '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11';

function event(type: string, created: number, object: Record<string, unknown>): StripeEventWire {
  return { id: `evt_${type}_${created}`, type, created, data: { object } };
}

describe('toBillingEvent', () => {
  it('names events by domain and keeps the Stripe object as payload', () => {
    const customer = { id: 'cus_1', object: 'customer', metadata: { concord_id: ID } };
    assert.deepEqual(toBillingEvent(event('customer.updated', 1_700_000_000, customer)), {
      sourceEventId: 'evt_customer.updated_1700000000',
      type: 'billing.customer.updated',
      domain: 'customer',
      entityId: 'cus_1',
      sourceVersion: '001700000000-0',
      occurredAt: '2023-11-14T22:13:20.000Z',
      payload: { stripeType: 'customer.updated', object: customer },
    });
    const subscription = toBillingEvent(
      event('customer.subscription.updated', 1, { id: 'sub_1', object: 'subscription', status: 'active' }),
    );
    assert.equal(subscription.type, 'billing.subscription.updated');
    assert.equal(subscription.domain, 'subscription');
    assert.equal(subscription.entityId, 'sub_1');
    const invoice = toBillingEvent(
      event('invoice.paid', 1, { id: 'in_1', object: 'invoice', status: 'paid' }),
    );
    assert.equal(invoice.type, 'billing.invoice.paid');
    assert.equal(invoice.domain, 'invoice');
    assert.equal(invoice.entityId, 'in_1');
    assert.equal(invoice.sourceVersion, '2-000000000001');
  });
});

describe('sourceVersionOf', () => {
  it('orders invoice versions by state before time, so a late "open" never overtakes "paid"', () => {
    const paid = sourceVersionOf(event('invoice.paid', 100, { object: 'invoice', status: 'paid' }));
    const lateOpen = sourceVersionOf(event('invoice.finalized', 200, { object: 'invoice', status: 'open' }));
    const draft = sourceVersionOf(event('invoice.created', 50, { object: 'invoice', status: 'draft' }));
    assert.ok(draft < lateOpen && lateOpen < paid);
  });

  it('orders subscription versions by time, then state', () => {
    const active = sourceVersionOf(
      event('customer.subscription.updated', 100, { object: 'subscription', status: 'active' }),
    );
    const canceled = sourceVersionOf(
      event('customer.subscription.deleted', 100, { object: 'subscription', status: 'canceled' }),
    );
    const later = sourceVersionOf(
      event('customer.subscription.updated', 101, { object: 'subscription', status: 'active' }),
    );
    assert.ok(active < canceled && canceled < later);
  });
});

describe('toCustomerChange', () => {
  it('turns created/updated into upserts with the record, deleted into deletes', () => {
    const customer = {
      id: 'cus_1',
      object: 'customer',
      name: 'Contoso',
      email: null,
      created: 1,
      address: null,
      metadata: { concord_id: ID, currency: 'EUR', country: 'DE' },
    };
    const upsert = toCustomerChange(event('customer.updated', 10, customer));
    assert.equal(upsert?.kind, 'upsert');
    assert.equal(upsert?.concordId, ID);
    assert.equal(upsert?.record?.name, 'Contoso');
    assert.equal(upsert?.record?.sourceVersion, '1970-01-01T00:00:10.000Z');
    assert.deepEqual(toCustomerChange(event('customer.deleted', 11, customer)), {
      kind: 'delete',
      externalId: 'cus_1',
      concordId: ID,
      sourceVersion: '1970-01-01T00:00:11.000Z',
    });
    assert.equal(toCustomerChange(event('customer.discount.created', 12, customer)), undefined);
  });
});
