import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { EXPERIENCE_OPS_APP } from '../../apps/experience-ops/src/experience-ops.module.js';
import { EXPERIENCE_PARTNER_APP } from '../../apps/experience-partner/src/experience-partner.module.js';
import { PROCESS_ACTIVATION_APP } from '../../apps/process-activation/src/process-activation.module.js';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { PROCESS_RECONCILIATION_APP } from '../../apps/process-reconciliation/src/process-reconciliation.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { testDatabaseUrl } from '@concord/testing';
import { createTestCredentials, serviceToken } from '../support/credentials.js';
import { bootStack, type Stack } from '../support/stack.js';

const validCustomer = {
  name: '  Contoso   GmbH ',
  country: 'DE',
  taxId: 'DE 136 695 976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  website: 'https://www.Contoso.example.com/',
};

interface ErrorBody {
  error: { code: string; message: string; details: Array<{ path?: string }>; correlationId: string };
}

describe('foundation: three layers, one correlation ID, one error envelope', () => {
  let stack: Stack;
  let partnerKey: string;
  let operatorKey: string;

  before(async () => {
    ({ partnerKey, operatorKey } = await createTestCredentials());
    stack = await bootStack([
      SYSTEM_CRM_APP,
      SYSTEM_ERP_APP,
      SYSTEM_BILLING_APP,
      PROCESS_ONBOARDING_APP,
      PROCESS_ACTIVATION_APP,
      PROCESS_RECONCILIATION_APP,
      EXPERIENCE_PARTNER_APP,
      EXPERIENCE_OPS_APP,
    ]);
  });

  after(async () => {
    await stack.close();
  });

  const call = (app: string, path: string, init: RequestInit = {}) => fetch(`${stack.url(app)}${path}`, init);

  it('carries the caller correlation ID through experience, process and system apps and into their logs', async () => {
    const correlationId = `e2e-${randomUUID()}`;
    const response = await call('experience-partner', '/v1/status', {
      headers: { authorization: `Bearer ${partnerKey}`, 'x-correlation-id': correlationId },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-correlation-id'), correlationId);
    const body = (await response.json()) as { status: string; capabilities: Record<string, string> };
    assert.deepEqual(Object.keys(body.capabilities).sort(), ['activation', 'onboarding', 'reconciliation']);
    for (const app of ['experience-partner', 'process-onboarding', 'system-crm']) {
      const logged = stack.logs.get(app)!.lines.some((line) => line.correlationId === correlationId);
      assert.ok(logged, `${app} logged ${correlationId}`);
    }
  });

  it('traces one request through an app of each layer, with the time spent at each hop', async () => {
    const correlationId = `trace-${randomUUID()}`;
    const response = await call(
      'experience-ops',
      '/v1/diagnostics/trace?path=process-activation,system-billing',
      {
        headers: { authorization: `Bearer ${operatorKey}`, 'x-correlation-id': correlationId },
      },
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as { hops: Array<{ app: string; durationMs: number }> };
    assert.deepEqual(
      body.hops.map((hop) => hop.app),
      ['experience-ops', 'process-activation', 'system-billing'],
    );
    assert.ok(body.hops[0]!.durationMs >= body.hops[1]!.durationMs);
    for (const app of ['experience-ops', 'process-activation', 'system-billing']) {
      assert.ok(
        stack.logs.get(app)!.lines.some((line) => line.correlationId === correlationId),
        `${app} logged it`,
      );
    }
    const sideways = await call('experience-ops', '/v1/diagnostics/trace?path=system-crm', {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    assert.equal(sideways.status, 400);
  });

  it('exposes request, downstream-call and queue metrics', async () => {
    await call('experience-partner', '/v1/status', { headers: { authorization: `Bearer ${partnerKey}` } });
    const experience = await (await call('experience-partner', '/metrics')).text();
    assert.match(
      experience,
      /concord_http_request_duration_seconds_count\{app="experience-partner",route="\/v1\/status",method="GET",status="200"\} \d+/,
    );
    assert.match(experience, /concord_external_calls_total\{[^}]*system="process-onboarding"[^}]*\} \d+/);
    const process = await (await call('process-onboarding', '/metrics')).text();
    assert.match(process, /concord_queue_jobs\{queue="[^"]*onboarding",state="waiting"[^}]*\} \d+/);
    assert.match(process, /concord_process_resident_memory_bytes\{app="process-onboarding"\}/);
  });

  it('mints a correlation ID when the caller sends none and echoes it', async () => {
    const response = await call('experience-partner', '/health/live');
    assert.match(response.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('lets only service tokens for their own layer into system and process apps', async () => {
    const path = '/v1/diagnostics/dependencies';
    assert.equal((await call('system-crm', path)).status, 401);
    const partner = await call('system-crm', path, { headers: { authorization: `Bearer ${partnerKey}` } });
    assert.equal(partner.status, 403);
    assert.equal(((await partner.json()) as ErrorBody).error.code, 'FORBIDDEN');
    const operator = await call('system-crm', path, { headers: { authorization: `Bearer ${operatorKey}` } });
    assert.equal(operator.status, 403);
    assert.equal(
      (await call('process-onboarding', path, { headers: { authorization: `Bearer ${partnerKey}` } })).status,
      403,
    );
    const wrongAudience = await call('system-crm', path, {
      headers: { authorization: `Bearer ${await serviceToken('process')}` },
    });
    assert.equal(wrongAudience.status, 401);
    const forged = await call('system-crm', path, {
      headers: {
        authorization: `Bearer ${await serviceToken('system', 'another-secret-of-sufficient-length-000')}`,
      },
    });
    assert.equal(forged.status, 401);
    const valid = await call('system-crm', path, {
      headers: { authorization: `Bearer ${await serviceToken('system')}` },
    });
    assert.equal(valid.status, 200);
    const report = (await valid.json()) as { app: string; checks: Record<string, unknown> };
    assert.equal(report.app, 'system-crm');
    assert.ok('postgres' in report.checks && 'salesforce' in report.checks);
  });

  it('rejects partner keys without the scope a route needs', async () => {
    const response = await call('experience-partner', '/v1/status', {
      headers: { authorization: 'Bearer cpk_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' },
    });
    assert.equal(response.status, 401);
  });

  it('validates and normalizes a customer across experience and process layers', async () => {
    const response = await call('experience-partner', '/v1/customers/validate', {
      method: 'POST',
      headers: { authorization: `Bearer ${partnerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(validCustomer),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { customer: { name: string; taxId: string; website: string } };
    assert.equal(body.customer.name, 'Contoso GmbH');
    assert.equal(body.customer.taxId, 'DE136695976');
    assert.equal(body.customer.website, 'contoso.example.com');
  });

  describe('bad input gets a 400/413 envelope with field paths and never touches the database', () => {
    const sent: string[] = [];
    const send = async (app: string, path: string, init: RequestInit & { auth: string }) => {
      const correlationId = `bad-${randomUUID()}`;
      sent.push(correlationId);
      const response = await call(app, path, {
        ...init,
        headers: {
          authorization: `Bearer ${init.auth}`,
          'content-type': 'application/json',
          'x-correlation-id': correlationId,
        },
      });
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.error.correlationId, correlationId);
      return { status: response.status, body };
    };

    for (const layer of ['experience-partner', 'process-onboarding'] as const) {
      const auth = async () => (layer === 'experience-partner' ? partnerKey : await serviceToken('process'));

      it(`${layer}: malformed JSON → 400 MALFORMED_JSON`, async () => {
        const { status, body } = await send(layer, '/v1/customers/validate', {
          method: 'POST',
          body: '{"name": "Contoso",',
          auth: await auth(),
        });
        assert.equal(status, 400);
        assert.equal(body.error.code, 'MALFORMED_JSON');
      });

      it(`${layer}: unknown field → 400 UNKNOWN_FIELD naming it`, async () => {
        const { status, body } = await send(layer, '/v1/customers/validate', {
          method: 'POST',
          body: JSON.stringify({ ...validCustomer, nickname: 'C' }),
          auth: await auth(),
        });
        assert.equal(status, 400);
        assert.equal(body.error.code, 'UNKNOWN_FIELD');
        assert.ok(body.error.details.some((detail) => detail.path === 'nickname'));
      });

      it(`${layer}: wrong types and formats → 400 with nested paths`, async () => {
        const { status, body } = await send(layer, '/v1/customers/validate', {
          method: 'POST',
          body: JSON.stringify({
            ...validCustomer,
            country: 'Germany',
            currency: 42,
            taxId: 'DE123',
            address: { line1: 'x', city: 'y', postalCode: 10115 },
          }),
          auth: await auth(),
        });
        assert.equal(status, 400);
        assert.equal(body.error.code, 'VALIDATION_FAILED');
        const paths = body.error.details.map((detail) => detail.path);
        for (const path of ['country', 'currency', 'address.postalCode'])
          assert.ok(paths.includes(path), `details name ${path}: ${paths.join(',')}`);
      });

      it(`${layer}: a 10 MB body → 413`, async () => {
        const { status, body } = await send(layer, '/v1/customers/validate', {
          method: 'POST',
          body: JSON.stringify({ ...validCustomer, name: 'x'.repeat(10 * 1024 * 1024) }),
          auth: await auth(),
        });
        assert.equal(status, 413);
        assert.equal(body.error.code, 'PAYLOAD_TOO_LARGE');
      });
    }

    it('system-crm: a malformed query parameter → 400 naming it', async () => {
      const { status, body } = await send('system-crm', '/v1/diagnostics/dependencies?timeoutMs=soon', {
        method: 'GET',
        auth: await serviceToken('system'),
      });
      assert.equal(status, 400);
      assert.ok(body.error.details.some((detail) => detail.path === 'timeoutMs'));
    });

    it('an unknown route → 404 envelope', async () => {
      const { status, body } = await send('system-crm', '/v1/nothing-here', {
        method: 'GET',
        auth: await serviceToken('system'),
      });
      assert.equal(status, 404);
      assert.equal(body.error.code, 'NOT_FOUND');
    });

    after(async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      try {
        for (const table of ['outbox', 'sync_exception', 'event_log', 'audit_log', 'flow']) {
          const { rows } = await client.query<{ count: string }>(
            `SELECT count(*) AS count FROM ${table} WHERE correlation_id = ANY($1)`,
            [sent],
          );
          assert.equal(Number(rows[0]?.count), 0, `${table} holds nothing from rejected requests`);
        }
      } finally {
        await client.end();
      }
    });
  });
});
