import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { serviceToken } from '../support/credentials.js';
import { bootStack, type Stack } from '../support/stack.js';

const served = (stack: Stack, app: string, correlationId: string) =>
  stack.logs
    .get(app)!
    .lines.filter((line) => line.msg === 'request served' && line.correlationId === correlationId);

/** Access lines are written once the answer has left, so the test waits for the one it expects. */
async function lineOf(stack: Stack, app: string, correlationId: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [line] = served(stack, app, correlationId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${app} wrote no access line for ${correlationId}`);
}

describe('access log sampling across layers', () => {
  let stack: Stack;
  let token: string;

  before(async () => {
    // Fast successes are never sampled here; errors and slow requests must still be logged.
    stack = await bootStack([SYSTEM_CRM_APP, PROCESS_ONBOARDING_APP], {
      ACCESS_LOG_SAMPLE_RATE: '0',
      ACCESS_LOG_SLOW_MS: '60000',
    });
    token = await serviceToken('process');
  });

  after(async () => {
    await stack.close();
  });

  const trace = (correlationId: string, authorization: string) =>
    fetch(`${stack.url('process-onboarding')}/v1/diagnostics/trace?path=system-crm`, {
      headers: { authorization, 'x-correlation-id': correlationId },
    });

  it('writes no access line for an unsampled success at any hop, yet counts it in the metrics', async () => {
    const correlationId = `quiet-${randomUUID()}`;
    const response = await trace(correlationId, `Bearer ${token}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-correlation-id'), correlationId);
    await response.text();
    // A later refused request is logged; once its line is there, the success's would be too.
    const marker = `marker-${randomUUID()}`;
    await (await trace(marker, 'Bearer not-a-token')).text();
    await lineOf(stack, 'process-onboarding', marker);
    assert.deepEqual(served(stack, 'process-onboarding', correlationId), []);
    assert.deepEqual(served(stack, 'system-crm', correlationId), []);
    const metrics = await (await fetch(`${stack.url('system-crm')}/metrics`)).text();
    assert.match(
      metrics,
      /concord_http_request_duration_seconds_count\{[^}]*route="\/v1\/diagnostics\/trace"[^}]*status="200"/,
    );
  });

  it('always writes the line of a refused request, with its correlation ID and status', async () => {
    const correlationId = `refused-${randomUUID()}`;
    const response = await trace(correlationId, 'Bearer not-a-token');
    assert.equal(response.status, 401);
    await response.text();
    const line = await lineOf(stack, 'process-onboarding', correlationId);
    assert.equal(line.status, 401);
    assert.equal(line.route, '/v1/diagnostics/trace');
    assert.equal(line.app, 'process-onboarding');
  });
});
