import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signatureHeader } from './webhook-signature.util.js';

describe('signatureHeader', () => {
  it('signs "<t>.<body>" with the secret and names the timestamp it signed', () => {
    const body = '{"id":"evt_1","type":"customer.onboarding.completed"}';
    const header = signatureHeader('whsec_test', body, 1_700_000_000);
    const expected = createHmac('sha256', 'whsec_test').update(`1700000000.${body}`).digest('hex');
    assert.equal(header, `t=1700000000,v1=${expected}`);
  });

  it('changes with the body, the timestamp and the secret', () => {
    const base = signatureHeader('whsec_a', '{}', 1);
    assert.notEqual(signatureHeader('whsec_a', '{ }', 1), base);
    assert.notEqual(signatureHeader('whsec_a', '{}', 2).split(',')[1], base.split(',')[1]);
    assert.notEqual(signatureHeader('whsec_b', '{}', 1), base);
  });
});
