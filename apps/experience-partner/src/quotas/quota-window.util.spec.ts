import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secondsUntilUtcMidnight, utcDay } from './quota-window.util.js';

describe('daily quota window', () => {
  it('counts against the UTC day, whatever the local time zone', () => {
    assert.equal(utcDay(new Date('2026-11-23T23:59:59.500Z')), '2026-11-23');
    assert.equal(utcDay(new Date('2026-11-24T00:00:00.000Z')), '2026-11-24');
  });

  it('resets at the next UTC midnight, month and year ends included', () => {
    assert.equal(secondsUntilUtcMidnight(new Date('2026-11-23T23:00:00.000Z')), 3600);
    assert.equal(secondsUntilUtcMidnight(new Date('2026-12-31T23:59:59.200Z')), 1);
    assert.equal(secondsUntilUtcMidnight(new Date('2026-11-30T00:00:00.000Z')), 86400);
  });
});
