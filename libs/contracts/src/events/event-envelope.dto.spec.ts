import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation-errors.util.js';
import { createEvent, EventEnvelopeDto, type NewEvent } from './event-envelope.dto.js';

function newCustomerEvent(): NewEvent<{ name: string }> {
  return {
    type: 'customer.changed',
    schemaVersion: 1,
    domain: 'customer',
    entityId: randomUUID(),
    source: { system: 'crm', eventId: `sf-${randomUUID()}`, version: '2025-01-31T09:30:00.000Z' },
    correlationId: randomUUID(),
    payload: { name: 'Contoso GmbH' },
  };
}

async function failures(body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(EventEnvelopeDto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return flattenValidationErrors(errors).map((detail) => `${detail.path}:${String(detail['constraint'])}`);
}

void describe('createEvent', () => {
  void it('fills a fresh event ID and the current time', () => {
    const before = Date.now();
    const first = createEvent(newCustomerEvent());
    const second = createEvent(newCustomerEvent());
    assert.match(first.eventId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(first.eventId, second.eventId);
    const occurred = Date.parse(first.occurredAt);
    assert.ok(occurred >= before && occurred <= Date.now());
    assert.equal(first.occurredAt, new Date(occurred).toISOString());
    assert.deepEqual(first.payload, { name: 'Contoso GmbH' });
  });

  void it('keeps an event ID and time given by the caller', () => {
    const eventId = randomUUID();
    const event = createEvent({
      ...newCustomerEvent(),
      eventId,
      occurredAt: new Date('2025-02-01T00:00:00Z'),
    });
    assert.equal(event.eventId, eventId);
    assert.equal(event.occurredAt, '2025-02-01T00:00:00.000Z');
  });

  void it('refuses an event type of another domain', () => {
    assert.throws(() => createEvent({ ...newCustomerEvent(), type: 'product.changed' }), /does not belong/);
  });

  void it('produces an envelope that passes its own validation', async () => {
    assert.deepEqual(await failures(createEvent(newCustomerEvent())), []);
    const entity = createEvent({
      ...newCustomerEvent(),
      type: 'legal-entity.created',
      domain: 'legal-entity',
    });
    assert.deepEqual(await failures(entity), []);
  });
});

void describe('EventEnvelopeDto', () => {
  void it('rejects malformed envelopes field by field', async () => {
    const event = createEvent(newCustomerEvent());
    const cases: Array<[object, string]> = [
      [{ eventId: 'evt-1' }, 'eventId:isUuid'],
      [{ type: 'CustomerChanged' }, 'type:matches'],
      [{ schemaVersion: 0 }, 'schemaVersion:min'],
      [{ domain: 'invoice' }, 'domain:isIn'],
      [{ entityId: '' }, 'entityId:isNotEmpty'],
      [{ source: { ...event.source, system: 'sap' } }, 'source.system:isIn'],
      [{ source: { ...event.source, version: '' } }, 'source.version:isNotEmpty'],
      [{ occurredAt: 'yesterday' }, 'occurredAt:isIso8601'],
      [{ correlationId: '' }, 'correlationId:isNotEmpty'],
      [{ payload: 'Contoso' }, 'payload:isObject'],
      [{ tenant: 'p1' }, 'tenant:whitelistValidation'],
    ];
    for (const [override, expected] of cases) {
      assert.deepEqual(await failures({ ...event, ...override }), [expected], JSON.stringify(override));
    }
  });
});
