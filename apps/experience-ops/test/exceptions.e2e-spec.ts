import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CredentialStore } from '@concord/governance';
import {
  connectDatabase,
  type DataSource,
  type ExceptionCategory,
  SyncExceptionRepository,
} from '@concord/persistence';
import { testDatabaseUrl, uniqueId } from '@concord/testing';
import { createTestCredentials } from '../../../test/support/credentials.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { EXPERIENCE_OPS_APP } from '../src/experience-ops.module.js';

interface ErrorBody {
  error: { code: string; message: string; details: Array<{ path?: string; currentStatus?: string }> };
}
interface Summary {
  id: string;
  status: string;
  category: string;
  system: string | null;
  correlationId: string;
  errorMessage: string | null;
  createdAt: string;
}
interface Page {
  items: Summary[];
  nextCursor?: string;
}
interface Detail extends Summary {
  payload: unknown;
  error: unknown;
  job: { queue: string | null; jobId: string | null; jobName: string | null };
  timeline: Array<{ at: string; source: string; summary: string; data: Record<string, unknown> }>;
}
interface AuditRow {
  actor_type: string;
  actor_id: string;
  action: string;
  detail: Record<string, unknown>;
  correlation_id: string | null;
}

describe('experience-ops: steward exceptions API', () => {
  let stack: Stack;
  let db: DataSource;
  let exceptions: SyncExceptionRepository;
  let keys: { admin: string; steward: string; viewer: string; partner: string };
  let stewardId: string;

  before(async () => {
    const created = await createTestCredentials();
    db = await connectDatabase({ url: testDatabaseUrl(), appName: 'e2e-ops-exceptions', poolSize: 3 });
    const store = new CredentialStore(db);
    const steward = await store.createOperator(uniqueId('steward'), 'steward');
    const viewer = await store.createOperator(uniqueId('viewer'), 'viewer');
    stewardId = steward.operatorId;
    keys = {
      admin: created.operatorKey,
      steward: steward.apiKey,
      viewer: viewer.apiKey,
      partner: created.partnerKey,
    };
    exceptions = new SyncExceptionRepository(db);
    stack = await bootStack([EXPERIENCE_OPS_APP]);
  });

  after(async () => {
    await stack?.close();
    await db?.destroy();
  });

  const call = (path: string, key: string | undefined, init: RequestInit = {}) =>
    fetch(`${stack.url('experience-ops')}${path}`, {
      ...init,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const post = (path: string, key: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, key, { method: 'POST', body: JSON.stringify(body), headers });
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    assert.equal(response.status, status, text);
    return JSON.parse(text) as T;
  };

  async function seed(
    domain: string,
    options: {
      category?: ExceptionCategory;
      system?: string;
      correlationId?: string;
      payload?: unknown;
    } = {},
  ): Promise<string> {
    return exceptions.record({
      category: options.category ?? 'rejected-by-target',
      domain,
      system: options.system ?? 'erp',
      entityId: randomUUID(),
      queue: 'ops-e2e',
      jobId: uniqueId('job'),
      jobName: 'onboarding.create-erp-customer',
      payload: options.payload ?? { name: 'Contoso GmbH', taxId: 'DE000' },
      error: { kind: 'Rejected', message: 'Tax ID is not valid for DE', details: [{ path: 'taxId' }] },
      correlationId: options.correlationId ?? `ops-e2e-${randomUUID()}`,
    });
  }

  const auditOf = (id: string): Promise<AuditRow[]> =>
    db.query(
      `SELECT actor_type, actor_id, action, detail, correlation_id FROM audit_log
        WHERE target_type = 'sync_exception' AND target_id = $1 ORDER BY id`,
      [id],
    );

  it('lists with filters and pages through every row exactly once, newest first', async () => {
    const domain = uniqueId('dom');
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1)
      ids.push(
        await seed(domain, {
          category: index < 2 ? 'technical' : 'validation',
          system: index % 2 ? 'crm' : 'erp',
        }),
      );
    await db.query(`UPDATE sync_exception SET status = 'resolved' WHERE id = ANY($1::uuid[])`, [
      ids.slice(5),
    ]);
    await db.query(
      `UPDATE sync_exception SET created_at = now() - interval '2 hours' WHERE id = ANY($1::uuid[])`,
      [ids.slice(0, 2)],
    );

    const seen: Summary[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `/v1/exceptions?domain=${domain}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await json<Page>(await call(query, keys.viewer), 200);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(new Set(seen.map((item) => item.id)), new Set(ids));
    assert.equal(seen.length, 7);
    const times = seen.map((item) => Date.parse(item.createdAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );

    const count = async (query: string) =>
      (await json<Page>(await call(`/v1/exceptions?domain=${domain}&${query}`, keys.viewer), 200)).items;
    assert.equal((await count('status=open,retrying')).length, 5);
    assert.equal((await count('status=resolved&status=open')).length, 7);
    assert.deepEqual(
      (await count('status=resolved')).map((item) => item.status),
      ['resolved', 'resolved'],
    );
    assert.deepEqual(
      new Set((await count('olderThan=PT1H')).map((item) => item.id)),
      new Set(ids.slice(0, 2)),
    );
    assert.equal((await count('newerThan=PT1H')).length, 5);
    assert.equal((await count(`olderThan=${new Date(Date.now() + 60_000).toISOString()}`)).length, 7);
    const technicalErp = await count('category=technical&system=erp');
    assert.deepEqual(
      technicalErp.map((item) => item.id),
      [ids[0]],
    );
    const one = await json<Detail>(await call(`/v1/exceptions/${ids[3]}`, keys.viewer), 200);
    const byCorrelation = await count(`correlationId=${one.correlationId}`);
    assert.deepEqual(
      byCorrelation.map((item) => item.id),
      [ids[3]],
    );
    assert.equal(byCorrelation[0]?.errorMessage, 'Tax ID is not valid for DE');
  });

  it('answers 400 with field paths for bad filters and cursors', async () => {
    const bad = await json<ErrorBody>(
      await call('/v1/exceptions?status=open,bogus&limit=0&olderThan=yesterday&category=nope', keys.viewer),
      400,
    );
    const paths = new Set(bad.error.details.map((detail) => detail.path));
    for (const path of ['status', 'limit', 'olderThan', 'category']) assert.ok(paths.has(path), path);
    const cursor = await json<ErrorBody>(await call('/v1/exceptions?cursor=garbage', keys.viewer), 400);
    assert.equal(cursor.error.details[0]?.path, 'cursor');
    const tooMany = await json<ErrorBody>(await call('/v1/exceptions?limit=201', keys.viewer), 400);
    assert.equal(tooMany.error.details[0]?.path, 'limit');
    await json<ErrorBody>(await call('/v1/exceptions?unknown=1', keys.viewer), 400);
  });

  it('shows the detail with events, flows, steps and audit rows merged in time order', async () => {
    const correlationId = `ops-e2e-${randomUUID()}`;
    const id = await seed(uniqueId('dom'), { correlationId });
    await db.query(
      `INSERT INTO event_log (event_id, type, domain, entity_id, source_system, source_event_id, correlation_id,
         payload, occurred_at)
       VALUES ($1, 'customer.changed', 'customer', 'c-1', 'crm', $2, $3, '{"name":"Contoso"}', now() - interval '10 minutes')`,
      [randomUUID(), uniqueId('src'), correlationId],
    );
    const flows: Array<{ id: string }> = await db.query(
      `INSERT INTO flow (kind, entity_id, state, correlation_id, created_at)
       VALUES ('onboarding', 'c-1', 'failed', $1, now() - interval '5 minutes') RETURNING id`,
      [correlationId],
    );
    await db.query(
      `INSERT INTO flow_step (flow_id, name, outcome, started_at) VALUES ($1, 'create-erp-customer', 'REJECTED',
         now() - interval '4 minutes')`,
      [flows[0]!.id],
    );
    await json(await post(`/v1/exceptions/${id}/retry`, keys.steward, { note: 'ERP is back' }), 200);

    const detail = await json<Detail>(await call(`/v1/exceptions/${id}`, keys.viewer), 200);
    assert.equal(detail.status, 'retrying');
    assert.deepEqual(detail.payload, { name: 'Contoso GmbH', taxId: 'DE000' });
    assert.deepEqual((detail.error as { kind: string }).kind, 'Rejected');
    assert.equal(detail.job.queue, 'ops-e2e');
    assert.deepEqual(
      detail.timeline.map((entry) => entry.source),
      ['event', 'flow', 'step', 'audit'],
    );
    const times = detail.timeline.map((entry) => Date.parse(entry.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.equal(detail.timeline[2]?.summary, 'create-erp-customer REJECTED (attempt 1)');
    assert.equal(detail.timeline[3]?.data.actorId, stewardId);

    await json<ErrorBody>(await call(`/v1/exceptions/${randomUUID()}`, keys.viewer), 404);
    await json<ErrorBody>(await call('/v1/exceptions/not-a-uuid', keys.viewer), 404);
    await json<ErrorBody>(await post('/v1/exceptions/not-a-uuid/retry', keys.steward, {}), 404);
  });

  it('stores an edited payload for re-submission and audits it in the same request', async () => {
    const id = await seed(uniqueId('dom'));
    const requestId = `ops-e2e-${randomUUID()}`;
    const edited = { name: 'Contoso GmbH', taxId: 'DE136695976' };
    const result = await json<{ status: string; previousStatus: string }>(
      await post(
        `/v1/exceptions/${id}/resolve`,
        keys.steward,
        { note: 'Fixed tax ID', payload: edited },
        {
          'x-correlation-id': requestId,
        },
      ),
      200,
    );
    assert.deepEqual([result.status, result.previousStatus], ['retrying', 'open']);
    const detail = await json<Detail>(await call(`/v1/exceptions/${id}`, keys.viewer), 200);
    assert.deepEqual(detail.payload, edited);
    assert.equal(detail.status, 'retrying');
    const [audit, ...more] = await auditOf(id);
    assert.equal(more.length, 0);
    assert.equal(audit?.actor_type, 'operator');
    assert.equal(audit?.actor_id, stewardId);
    assert.equal(audit?.action, 'exception.resolve');
    assert.equal(audit?.correlation_id, requestId);
    assert.equal(audit?.detail.note, 'Fixed tax ID');
    assert.equal(audit?.detail.previousStatus, 'open');
    assert.deepEqual(audit?.detail.previousPayload, { name: 'Contoso GmbH', taxId: 'DE000' });

    const closed = await json<{ status: string }>(
      await post(`/v1/exceptions/${id}/resolve`, keys.steward, { note: 'Accepted by the ERP' }),
      200,
    );
    assert.equal(closed.status, 'resolved');

    const other = await seed(uniqueId('dom'));
    const huge = { blob: 'x'.repeat(300 * 1024) };
    const tooBig = await json<ErrorBody>(
      await post(`/v1/exceptions/${other}/resolve`, keys.steward, { note: 'n', payload: huge }),
      400,
    );
    assert.equal(tooBig.error.details[0]?.path, 'payload');
    const notObject = await json<ErrorBody>(
      await post(`/v1/exceptions/${other}/resolve`, keys.steward, { note: 'n', payload: [1, 2] }),
      400,
    );
    assert.equal(notObject.error.details[0]?.path, 'payload');
    await json<ErrorBody>(await post(`/v1/exceptions/${other}/resolve`, keys.steward, { note: '' }), 400);
    assert.equal((await auditOf(other)).length, 0);
    const bare = await json<{ status: string }>(
      await call(`/v1/exceptions/${other}/retry`, keys.steward, { method: 'POST' }),
      200,
    );
    assert.equal(bare.status, 'retrying');
    assert.deepEqual(
      (await auditOf(other)).map((row) => row.action),
      ['exception.retry'],
    );
  });

  it('discards only with a reason and refuses to resolve a discarded exception with 409', async () => {
    const id = await seed(uniqueId('dom'));
    const missing = await json<ErrorBody>(await post(`/v1/exceptions/${id}/discard`, keys.steward, {}), 400);
    assert.equal(missing.error.details[0]?.path, 'reason');
    const discarded = await json<{ status: string }>(
      await post(`/v1/exceptions/${id}/discard`, keys.admin, { reason: 'Test account' }),
      200,
    );
    assert.equal(discarded.status, 'discarded');
    const conflict = await json<ErrorBody>(
      await post(`/v1/exceptions/${id}/resolve`, keys.steward, { note: 'too late' }),
      409,
    );
    assert.equal(conflict.error.code, 'CONFLICT');
    assert.match(conflict.error.message, /discarded/);
    assert.equal(conflict.error.details[0]?.currentStatus, 'discarded');
    await json<ErrorBody>(await post(`/v1/exceptions/${id}/retry`, keys.steward, {}), 409);
    const audits = await auditOf(id);
    assert.deepEqual(
      audits.map((row) => [row.action, row.detail.reason]),
      [['exception.discard', 'Test account']],
    );
  });

  it('applies bulk actions per id and reports each outcome in input order', async () => {
    const domain = uniqueId('dom');
    const [a, b, c, done] = [await seed(domain), await seed(domain), await seed(domain), await seed(domain)];
    await json(await post(`/v1/exceptions/${done}/discard`, keys.steward, { reason: 'noise' }), 200);
    const unknown = randomUUID();
    const resolved = await json<{
      results: Array<{ id: string; ok: boolean; status?: string; error?: { code: string } }>;
    }>(
      await post('/v1/exceptions/bulk/resolve', keys.steward, {
        ids: [a, unknown, done, b],
        note: 'Fixed upstream',
      }),
      200,
    );
    assert.deepEqual(
      resolved.results.map((item) => [item.id, item.ok, item.status ?? item.error?.code]),
      [
        [a, true, 'resolved'],
        [unknown, false, 'NOT_FOUND'],
        [done, false, 'CONFLICT'],
        [b, true, 'resolved'],
      ],
    );
    const retried = await json<{ results: Array<{ ok: boolean; status?: string }> }>(
      await post('/v1/exceptions/bulk/retry', keys.steward, { ids: [c] }),
      200,
    );
    assert.deepEqual(
      retried.results.map((item) => [item.ok, item.status]),
      [[true, 'retrying']],
    );
    const discarded = await json<{ results: Array<{ ok: boolean; status?: string }> }>(
      await post('/v1/exceptions/bulk/discard', keys.steward, { ids: [c, a], reason: 'Merged' }),
      200,
    );
    assert.deepEqual(
      discarded.results.map((item) => item.ok),
      [true, false],
    );

    const audit = await auditOf(a);
    assert.deepEqual(
      audit.map((row) => [row.action, row.detail.note, row.detail.bulk]),
      [['exception.resolve', 'Fixed upstream', true]],
    );
    assert.deepEqual(
      (await auditOf(c)).map((row) => row.action),
      ['exception.retry', 'exception.discard'],
    );

    await json<ErrorBody>(await post('/v1/exceptions/bulk/discard', keys.steward, { ids: [a] }), 400);
    const malformed = await json<ErrorBody>(
      await post('/v1/exceptions/bulk/retry', keys.steward, { ids: [a, 'not-a-uuid'] }),
      400,
    );
    assert.equal(malformed.error.details[0]?.path, 'ids');
    const tooMany = Array.from({ length: 501 }, () => randomUUID());
    await json<ErrorBody>(await post('/v1/exceptions/bulk/retry', keys.steward, { ids: tooMany }), 400);
    await json<ErrorBody>(await post('/v1/exceptions/bulk/retry', keys.steward, { ids: [] }), 400);
  });

  it('lets viewers read but not act, and keeps partners and anonymous callers out', async () => {
    const id = await seed(uniqueId('dom'));
    const actions: Array<[string, unknown]> = [
      [`/v1/exceptions/${id}/resolve`, { note: 'n' }],
      [`/v1/exceptions/${id}/discard`, { reason: 'r' }],
      [`/v1/exceptions/${id}/retry`, {}],
      ['/v1/exceptions/bulk/resolve', { ids: [id], note: 'n' }],
      ['/v1/exceptions/bulk/discard', { ids: [id], reason: 'r' }],
      ['/v1/exceptions/bulk/retry', { ids: [id] }],
    ];
    for (const [path, body] of actions) {
      assert.equal((await post(path, keys.viewer, body)).status, 403, `viewer ${path}`);
      assert.equal((await post(path, keys.partner, body)).status, 403, `partner ${path}`);
      assert.equal((await call(path, undefined, { method: 'POST', body: JSON.stringify(body) })).status, 401);
    }
    for (const path of ['/v1/exceptions', `/v1/exceptions/${id}`]) {
      assert.equal((await call(path, keys.viewer)).status, 200, `viewer ${path}`);
      assert.equal((await call(path, keys.partner)).status, 403, `partner ${path}`);
      assert.equal((await call(path, undefined)).status, 401);
    }
    assert.equal((await auditOf(id)).length, 0);
    const detail = await json<Detail>(await call(`/v1/exceptions/${id}`, keys.viewer), 200);
    assert.equal(detail.status, 'open');
  });
});
