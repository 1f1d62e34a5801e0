import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_THRESHOLDS, decide } from './decision.js';
import { type MatchRecord } from './match-record.js';
import { TAX_ID_MATCH_SCORE, scoreCandidate } from './scoring.js';

const mortons: MatchRecord = {
  id: '1',
  name: "arnie morton's of chicago",
  address: '435 s. la cienega blv.',
  city: 'los angeles',
  phone: '310/246-1501',
};

describe('scoreCandidate', () => {
  it('scores the same restaurant written two ways near 1 and explains every signal', () => {
    const other = { ...mortons, id: '2', address: '435 s. la cienega blvd.', phone: '310-246-1501' };
    const result = scoreCandidate(mortons, other);
    assert.ok(result.score >= 0.99, `score ${result.score}`);
    assert.deepEqual(
      result.signals.map((signal) => [signal.signal, signal.similarity]),
      [
        ['name', 1],
        ['phone', 1],
        ['address', 1],
        ['city', 1],
      ],
    );
    assert.match(result.signals[1]!.detail, /\+13102461501/);
    assert.equal(decide(result.score), 'link');
  });

  it('keeps businesses sharing a phone and address but not a name out of auto-link', () => {
    const bistro = {
      id: 'a',
      name: 'bistro',
      address: '3400 las vegas blvd. s',
      city: 'las vegas',
      phone: '702/791-7111',
    };
    const mikado = { ...bistro, id: 'b', name: 'mikado' };
    const result = scoreCandidate(bistro, mikado);
    assert.equal(result.signals.find((signal) => signal.signal === 'name')?.similarity, 0);
    assert.notEqual(decide(result.score), 'link');
  });

  it('holds a same-name record with a different phone and address for review rather than linking it', () => {
    const moved = { ...mortons, id: '3', address: '8795 sunset blvd.', phone: '310/652-4025' };
    const decision = decide(scoreCandidate(mortons, moved).score);
    assert.notEqual(decision, 'link');
  });

  it('scores unrelated records as new', () => {
    const other = {
      id: '4',
      name: 'carmine’s',
      address: '2450 broadway',
      city: 'new york',
      phone: '212/362-2200',
    };
    const result = scoreCandidate(mortons, other);
    assert.ok(result.score < DEFAULT_THRESHOLDS.review, `score ${result.score}`);
    assert.equal(decide(result.score), 'new');
  });

  it('does not let a bare name auto-link', () => {
    const result = scoreCandidate({ id: 'x', name: 'Acme GmbH' }, { id: 'y', name: 'ACME' });
    assert.equal(result.signals.length, 1);
    assert.equal(decide(result.score), 'review');
  });

  it('treats an equal tax ID as near-certain and different tax IDs as a reason to hold back', () => {
    const a = { id: 'x', name: 'Acme GmbH', taxId: 'DE136695976', domain: 'https://acme.de' };
    const equal = scoreCandidate(a, { id: 'y', name: 'Acme Maschinenbau', taxId: 'de 136 695 976' });
    assert.equal(equal.score, TAX_ID_MATCH_SCORE);
    assert.equal(equal.signals[0]?.signal, 'taxId');
    assert.match(equal.signals[0].detail, /same legal entity/);
    const different = scoreCandidate(a, {
      id: 'z',
      name: 'Acme GmbH',
      taxId: 'DE999999999',
      domain: 'www.acme.de',
    });
    assert.equal(different.signals.find((signal) => signal.signal === 'domain')?.similarity, 1);
    assert.notEqual(decide(different.score), 'link');
  });
});

describe('decide', () => {
  it('links at or above auto-link, reviews inside the band and creates below it', () => {
    const thresholds = { autoLink: 0.9, review: 0.7 };
    assert.equal(decide(0.9, thresholds), 'link');
    assert.equal(decide(0.89, thresholds), 'review');
    assert.equal(decide(0.7, thresholds), 'review');
    assert.equal(decide(0.69, thresholds), 'new');
    assert.equal(decide(DEFAULT_THRESHOLDS.autoLink), 'link');
  });

  it('rejects a review threshold above the auto-link threshold', () => {
    assert.throws(() => decide(0.5, { autoLink: 0.6, review: 0.8 }), RangeError);
  });
});
