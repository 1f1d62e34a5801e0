import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MatchIndex } from './match-index.js';
import { type MatchRecord } from './match-record.js';
import { matchBatch, matchRecord } from './matcher.js';

const existing: MatchRecord[] = [
  { id: 'e1', name: 'Granita', address: '23725 W. Malibu Rd.', city: 'Malibu', phone: '310/456-0488' },
  { id: 'e2', name: 'Campanile', address: '624 S. La Brea Ave.', city: 'Los Angeles', phone: '213/938-1447' },
  { id: 'e3', name: 'Acme Maschinenbau GmbH', taxId: 'DE136695976', domain: 'acme.de', city: 'Berlin' },
  ...Array.from({ length: 50 }, (_, i) => ({
    id: `f${i}`,
    name: `Filler Cafe ${i}`,
    phone: `555-010-${1000 + i}`,
  })),
];

describe('MatchIndex', () => {
  const index = new MatchIndex().addAll(existing);

  it('finds candidates by exact keys even when names differ', () => {
    const byPhone = index.candidates({ id: 'n1', name: 'Completely Different', phone: '(310) 456-0488' });
    assert.ok(byPhone.some((candidate) => candidate.record.id === 'e1'));
    const byTaxId = index.candidates({ id: 'n2', name: 'ACME AG', taxId: 'DE 136695976' });
    assert.ok(byTaxId.some((candidate) => candidate.record.id === 'e3'));
  });

  it('finds candidates by name tokens and trigrams despite typos, never the record itself', () => {
    const ids = index.candidates({ id: 'n3', name: 'Campanille' }).map((candidate) => candidate.record.id);
    assert.ok(ids.includes('e2'));
    const self = index.candidates(existing[0]!).map((candidate) => candidate.record.id);
    assert.ok(!self.includes('e1'));
  });

  it('caps fuzzy candidates and skips blocks that are too common', () => {
    assert.equal(index.candidates({ id: 'n4', name: 'Filler Cafe' }, { limit: 5 }).length, 5);
    assert.equal(index.candidates({ id: 'n5', name: 'Filler Cafe' }, { maxBlockSize: 10 }).length, 0);
    assert.equal(index.size, existing.length);
  });
});

describe('matchRecord and matchBatch', () => {
  const index = new MatchIndex().addAll(existing);

  it('links a reformatted duplicate and explains the best candidate', () => {
    const result = matchRecord(
      { id: 'n1', name: 'granita', address: '23725 west malibu road', city: 'malibu', phone: '310-456-0488' },
      index,
    );
    assert.equal(result.decision, 'link');
    assert.equal(result.best?.id, 'e1');
    assert.equal(result.best?.sameBatch, false);
    assert.ok(result.candidates.length <= 5);
  });

  it('answers new when nothing resembles the record', () => {
    const result = matchRecord({ id: 'n2', name: 'Zyxwv Qrst', phone: '999-888-7777' }, index);
    assert.equal(result.decision, 'new');
  });

  it('matches accounts arriving in the same batch against each other', () => {
    const results = matchBatch(
      [
        {
          id: 'b1',
          name: 'Nova Widgets Ltd',
          domain: 'https://novawidgets.io',
          phone: '415-555-0101',
          city: 'SF',
        },
        {
          id: 'b2',
          name: 'Nova Widgets Limited',
          domain: 'www.novawidgets.io/contact',
          phone: '(415) 555-0101',
        },
        { id: 'b3', name: 'Granita', phone: '310/456-0488', city: 'Malibu' },
      ],
      index,
    );
    assert.deepEqual(
      results.map((result) => [
        result.id,
        result.decision,
        result.best?.id ?? null,
        result.best?.sameBatch ?? null,
      ]),
      [
        ['b1', 'new', null, null],
        ['b2', 'link', 'b1', true],
        ['b3', 'link', 'e1', false],
      ],
    );
  });
});
