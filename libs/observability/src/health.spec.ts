import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runHealthChecks } from './health.js';

describe('health checks', () => {
  it('reports each check and is unavailable when one fails', async () => {
    const report = await runHealthChecks([
      { name: 'postgres', check: async () => {} },
      { name: 'redis', check: () => Promise.reject(new Error('ECONNREFUSED')) },
    ]);
    assert.equal(report.status, 'unavailable');
    assert.equal(report.checks.postgres?.status, 'ok');
    assert.equal(report.checks.redis?.error, 'ECONNREFUSED');
  });

  it('does not hang on a dependency that never answers', async () => {
    const started = Date.now();
    const report = await runHealthChecks([{ name: 'hung', check: () => new Promise(() => {}) }], 100);
    assert.equal(report.checks.hung?.status, 'unavailable');
    assert.ok(Date.now() - started < 1000);
  });
});
