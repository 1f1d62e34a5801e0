import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { accessLineWanted } from './access-log.util.js';

const ids = Array.from({ length: 4000 }, () => randomUUID());

describe('access log sampling', () => {
  it('keeps every error and every slow request whatever the sample rate', () => {
    const none = { sampleRate: 0, slowMs: 500 };
    for (const id of ids.slice(0, 100)) {
      assert.equal(accessLineWanted(none, id, 404, 3), true);
      assert.equal(accessLineWanted(none, id, 503, 3), true);
      assert.equal(accessLineWanted(none, id, 200, 500), true);
      assert.equal(accessLineWanted(none, id, 200, 499), false);
    }
  });

  it('keeps about the configured share of fast successes', () => {
    const kept = ids.filter((id) => accessLineWanted({ sampleRate: 0.1, slowMs: 500 }, id, 200, 1)).length;
    assert.ok(kept > 280 && kept < 520, `kept ${kept} of ${ids.length}`);
    assert.equal(
      ids.filter((id) => accessLineWanted({ sampleRate: 1, slowMs: 500 }, id, 200, 1)).length,
      4000,
    );
  });

  it('decides by correlation ID alone, so every hop of a request agrees', () => {
    const config = { sampleRate: 0.3, slowMs: 500 };
    for (const id of ids.slice(0, 200)) {
      const first = accessLineWanted(config, id, 200, 1);
      assert.equal(accessLineWanted(config, id, 204, 7), first);
      assert.equal(accessLineWanted({ ...config }, id, 200, 120), first);
    }
  });
});
