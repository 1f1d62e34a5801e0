import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMatchConfig } from './match.config.js';

describe('loadMatchConfig', () => {
  it('defaults to the measured thresholds and reads overrides', () => {
    assert.deepEqual(loadMatchConfig({}).thresholds, { autoLink: 0.85, review: 0.6 });
    assert.deepEqual(
      loadMatchConfig({ MATCH_AUTO_LINK_THRESHOLD: '0.9', MATCH_REVIEW_THRESHOLD: '0.5' }).thresholds,
      { autoLink: 0.9, review: 0.5 },
    );
  });

  it('refuses values outside 0..1 and a review band above the auto-link threshold', () => {
    assert.throws(() => loadMatchConfig({ MATCH_AUTO_LINK_THRESHOLD: '1.5' }), /MATCH_AUTO_LINK_THRESHOLD/);
    assert.throws(() => loadMatchConfig({ MATCH_REVIEW_THRESHOLD: 'high' }), /MATCH_REVIEW_THRESHOLD/);
    assert.throws(() => loadMatchConfig({ MATCH_REVIEW_THRESHOLD: '0.9' }), /must not exceed/);
  });
});
