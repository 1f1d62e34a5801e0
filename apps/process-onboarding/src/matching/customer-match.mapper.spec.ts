import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreCandidate } from '@concord/matching';
import { describeCandidate, matchKeysOf, toMatchRecord } from './customer-match.mapper.js';

const contoso = {
  name: 'Contoso Maschinenbau GmbH',
  country: 'DE',
  taxId: 'DE 136 695 976',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  email: 'billing@www.contoso.example.com',
  phone: '030 1234567',
};

describe('customer match mapper', () => {
  it('reads the canonical fields the matcher compares, the e-mail domain standing in for a website', () => {
    assert.deepEqual(toMatchRecord('c1', contoso), {
      id: 'c1',
      name: 'Contoso Maschinenbau GmbH',
      address: 'Hauptstr. 1',
      city: 'Berlin',
      country: 'DE',
      phone: '030 1234567',
      domain: 'billing@www.contoso.example.com',
      taxId: 'DE 136 695 976',
    });
    assert.equal(
      toMatchRecord('c2', { ...contoso, website: 'https://contoso.example.com' }).domain,
      'https://contoso.example.com',
    );
  });

  it('stores the normalized keys the candidate query searches', () => {
    assert.deepEqual(matchKeysOf(toMatchRecord('c1', contoso)), {
      normalizedName: 'contoso maschinenbau',
      taxId: 'DE136695976',
      domain: 'contoso.example.com',
      phone: '+49301234567',
    });
    assert.deepEqual(matchKeysOf(toMatchRecord('c3', { name: 'Fabrikam AG' })), {
      normalizedName: 'fabrikam',
      taxId: null,
      domain: null,
      phone: null,
    });
  });

  it('describes a candidate for the CRM message with its score and the evidence that agreed', () => {
    const typo = toMatchRecord('b', {
      ...contoso,
      name: 'Contosso Maschinenbau G.m.b.H.',
      phone: '+49 30 1234567',
    });
    const score = scoreCandidate(typo, toMatchRecord('a', contoso));
    const text = describeCandidate({
      customerId: 'a',
      name: contoso.name,
      score: score.score,
      sameBatch: false,
      signals: [...score.signals],
    });
    assert.equal(text, '"Contoso Maschinenbau GmbH" (score 0.99; alike: taxId, name, phone)');
  });
});
