import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyMetadata, Params } from './stripe-params.util.js';
import { StripeError } from './stripe.errors.js';

const paramOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof StripeError ? error.param : 'not a StripeError';
  }
  return undefined;
};

describe('Params', () => {
  it('refuses unknown parameters, naming nested ones with brackets', () => {
    assert.equal(
      paramOf(() => Params.of({ nme: 'x' }).allowOnly(['name'])),
      'nme',
    );
    const nested = Params.of({ recurring: { interval: 'month', every: '2' } }).object('recurring');
    assert.equal(
      paramOf(() => nested?.allowOnly(['interval'])),
      'recurring[every]',
    );
  });

  it('reads empty strings as unset and refuses them for required params', () => {
    const params = Params.of({ description: '', name: '' });
    assert.equal(params.string('description'), null);
    assert.equal(
      paramOf(() => params.requiredString('name')),
      'name',
    );
  });

  it('parses integers and booleans strictly', () => {
    assert.equal(Params.of({ limit: '5' }).int('limit', 1, 100), 5);
    assert.equal(
      paramOf(() => Params.of({ limit: '5.5' }).int('limit')),
      'limit',
    );
    assert.equal(Params.of({ active: 'false' }).bool('active'), false);
  });

  it('reads indexed lists whether qs made them arrays or objects', () => {
    const fromObject = Params.of({ items: { '1': { price: 'b' }, '0': { price: 'a' } } }).list('items');
    assert.deepEqual(
      fromObject?.map((item) => item.string('price')),
      ['a', 'b'],
    );
    assert.equal(fromObject?.[1]?.name('price'), 'items[1][price]');
  });
});

describe('metadata', () => {
  it('merges, unsets with empty values and clears with an empty hash', () => {
    const merged = applyMetadata({ a: '1', b: '2' }, Params.of({ metadata: { b: '', c: '3' } }).metadata());
    assert.deepEqual(merged, { a: '1', c: '3' });
    assert.deepEqual(applyMetadata({ a: '1' }, Params.of({ metadata: '' }).metadata()), {});
  });

  it('enforces 50 keys, 40-character keys and 500-character values', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    assert.equal(Object.keys(applyMetadata({}, Params.of({ metadata: fifty }).metadata())).length, 50);
    assert.equal(
      paramOf(() => applyMetadata({ extra: 'x' }, Params.of({ metadata: fifty }).metadata())),
      'metadata',
    );
    assert.equal(
      paramOf(() => Params.of({ metadata: { ['k'.repeat(41)]: 'v' } }).metadata()),
      'metadata',
    );
    assert.equal(
      paramOf(() => Params.of({ metadata: { note: 'v'.repeat(501) } }).metadata()),
      'metadata[note]',
    );
  });
});
