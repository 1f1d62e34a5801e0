import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIsoDuration, resolveTimeBound } from './time-bound.util.js';

describe('time bounds of the exception filters', () => {
  it('reads durations in exact units', () => {
    assert.equal(parseIsoDuration('PT1H'), 3_600_000);
    assert.equal(parseIsoDuration('PT90M'), 5_400_000);
    assert.equal(parseIsoDuration('P1DT2H'), 93_600_000);
    assert.equal(parseIsoDuration('P1W'), 604_800_000);
    assert.equal(parseIsoDuration('PT1.5S'), 1500);
  });

  it('refuses empty, calendar-length and malformed durations', () => {
    for (const bad of ['P', 'PT', 'P1DT', 'P1Y', 'P1M', 'PT-1H', '1H', 'pt1h', 'PT1H ']) {
      assert.equal(parseIsoDuration(bad), undefined, bad);
    }
  });

  it('counts durations back from now and takes instants as given', () => {
    const now = new Date('2026-11-23T12:00:00.000Z');
    assert.equal(resolveTimeBound('PT1H', now)?.toISOString(), '2026-11-23T11:00:00.000Z');
    assert.equal(resolveTimeBound('2026-11-20T08:30:00Z', now)?.toISOString(), '2026-11-20T08:30:00.000Z');
    assert.equal(
      resolveTimeBound('2026-11-20T08:30:00.250+01:00', now)?.toISOString(),
      '2026-11-20T07:30:00.250Z',
    );
  });

  it('refuses instants without a zone and values that are neither', () => {
    const now = new Date();
    for (const bad of ['2026-11-20', '2026-11-20T08:30:00', 'yesterday', '2026-13-45T99:00:00Z', '']) {
      assert.equal(resolveTimeBound(bad, now), undefined, bad);
    }
  });
});
