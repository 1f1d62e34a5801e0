import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CredentialStore } from '@concord/governance';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { testDatabaseUrl, uniqueId, waitFor } from '@concord/testing';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { EXPERIENCE_PARTNER_APP } from '../../experience-partner/src/experience-partner.module.js';
import { EXPERIENCE_OPS_APP } from '../src/experience-ops.module.js';

interface Partner {
  id: string;
  name: string;
  status: string;
  rateLimit: { points: number; windowSeconds: number } | null;
  dailyQuota: number | null;
}
interface Key {
  id: string;
  hint: string;
  scopes: string[];
  status: string;
  expiresAt: string | null;
  rotatedFrom: string | null;
  apiKey?: string;
  previous?: Key;
}

const distRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('experience-ops: partners and their credentials', () => {
  let stack: Stack;
  let dataSource: DataSource;
  const operators = { admin: '', steward: '' };

  before(async () => {
    stack = await bootStack([EXPERIENCE_PARTNER_APP, EXPERIENCE_OPS_APP]);
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'e2e-partners', poolSize: 2 });
    const store = new CredentialStore(dataSource);
    operators.admin = (await store.createOperator(uniqueId('admin-'), 'admin')).apiKey;
    operators.steward = (await store.createOperator(uniqueId('steward-'), 'steward')).apiKey;
  });

  after(async () => {
    await stack.close();
    await dataSource.destroy();
  });

  const ops = (
    path: string,
    method = 'GET',
    body?: unknown,
    idempotencyKey?: string,
    key = operators.admin,
  ) =>
    fetch(`${stack.url('experience-ops')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const partnerCall = (apiKey: string) =>
    fetch(`${stack.url('experience-partner')}/v1/webhook-endpoints`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
  const createPartner = async (body: Record<string, unknown>): Promise<Partner> => {
    const response = await ops('/v1/partners', 'POST', body, uniqueId('idem-'));
    assert.equal(response.status, 201);
    return (await response.json()) as Partner;
  };
  const issueKey = async (partnerId: string, scopes: string[], idempotencyKey = uniqueId('idem-')) => {
    const response = await ops(`/v1/partners/${partnerId}/keys`, 'POST', { scopes }, idempotencyKey);
    assert.equal(response.status, 201);
    return (await response.json()) as Key;
  };
  const auditActions = async (targetIds: string[]): Promise<string[]> => {
    const rows: Array<{ action: string }> = await dataSource.query(
      `SELECT action FROM audit_log WHERE target_id = ANY($1) ORDER BY id`,
      [targetIds],
    );
    return rows.map((row) => row.action);
  };

  it('creates partners idempotently, refuses duplicates and non-admins, and lists them page by page', async () => {
    const name = uniqueId('Acme Portal ');
    const idem = uniqueId('idem-');
    const body = { name, rateLimit: { points: 5, windowSeconds: 1 }, dailyQuota: 1000 };
    const first = await ops('/v1/partners', 'POST', body, idem);
    assert.equal(first.status, 201);
    const partner = (await first.json()) as Partner;
    assert.deepEqual(
      {
        name: partner.name,
        status: partner.status,
        rateLimit: partner.rateLimit,
        dailyQuota: partner.dailyQuota,
      },
      { name, status: 'active', rateLimit: { points: 5, windowSeconds: 1 }, dailyQuota: 1000 },
    );
    const replay = await ops('/v1/partners', 'POST', body, idem);
    assert.equal(((await replay.json()) as Partner).id, partner.id);
    assert.equal((await ops('/v1/partners', 'POST', { name: `${name}x` }, idem)).status, 422);
    const duplicate = await ops('/v1/partners', 'POST', { name }, uniqueId('idem-'));
    assert.equal(duplicate.status, 409);
    assert.equal(
      (await ops('/v1/partners', 'POST', { name: 'x' }, uniqueId('idem-'), operators.steward)).status,
      403,
    );
    const invalid = await ops(
      '/v1/partners',
      'POST',
      { name: '', rateLimit: { points: 0 } },
      uniqueId('idem-'),
    );
    assert.equal(invalid.status, 400);

    const second = await createPartner({ name: uniqueId('Second ') });
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      pages += 1;
      const page = (await (await ops(`/v1/partners?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json()) as {
        items: Partner[];
        nextCursor?: string;
      };
      for (const item of page.items) {
        assert.ok(!seen.has(item.id), 'no partner appears twice across pages');
        seen.add(item.id);
      }
      cursor = page.nextCursor;
      // Newest first: both are on the first pages unless other tests create partners meanwhile.
    } while (cursor && !(seen.has(partner.id) && seen.has(second.id)));
    assert.ok(seen.has(partner.id) && seen.has(second.id));
    assert.ok(pages >= 2, 'a one-item page has a next cursor');

    const patched = await ops(`/v1/partners/${second.id}`, 'PATCH', { dailyQuota: 42 });
    assert.equal(((await patched.json()) as Partner).dailyQuota, 42);
    assert.deepEqual(await auditActions([partner.id, second.id]), [
      'partner.create',
      'partner.create',
      'partner.update-limits',
    ]);
  });

  it('issues, lists (without secrets) and revokes keys', async () => {
    const partner = await createPartner({ name: uniqueId('Keys ') });
    const idem = uniqueId('idem-');
    const issued = await issueKey(partner.id, ['customers:read'], idem);
    assert.match(issued.apiKey ?? '', /^cpk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal((await partnerCall(issued.apiKey ?? '')).status, 200);
    const replay = await issueKey(partner.id, ['customers:read'], idem);
    assert.equal(replay.id, issued.id);
    assert.equal(replay.apiKey, undefined, 'a replay never shows the key again');

    const listing = await ops(`/v1/partners/${partner.id}/keys`);
    const text = await listing.text();
    // The secret is everything after the prefix; it may itself hold underscores.
    const secret = (issued.apiKey ?? '').split('_').slice(2).join('_');
    assert.ok(secret.length > 16 && !text.includes(secret), 'no secret in the list');
    const keys = (JSON.parse(text) as { items: Key[] }).items;
    assert.deepEqual(
      keys.map((key) => [key.id, key.status, key.scopes]),
      [[issued.id, 'active', ['customers:read']]],
    );
    assert.equal(keys[0]?.hint, `${(issued.apiKey ?? '').split('_').slice(0, 2).join('_')}_…`);

    const revoked = await ops(`/v1/partners/${partner.id}/keys/${issued.id}/revoke`, 'POST');
    assert.equal(((await revoked.json()) as Key).status, 'revoked');
    await waitFor(async () => ((await partnerCall(issued.apiKey ?? '')).status === 401 ? true : undefined));
    assert.equal((await ops(`/v1/partners/${partner.id}/keys/${uniqueId('x')}/revoke`, 'POST')).status, 400);
    const bad = await ops(
      `/v1/partners/${partner.id}/keys`,
      'POST',
      { scopes: ['admin:all'] },
      uniqueId('i-'),
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(await auditActions([issued.id]), ['credential.issue', 'credential.revoke']);
  });

  it('rotates a key: both work during the overlap, then only the new one', async () => {
    const partner = await createPartner({ name: uniqueId('Rotate ') });
    const old = await issueKey(partner.id, ['customers:read', 'customers:write']);
    const response = await ops(
      `/v1/partners/${partner.id}/keys/${old.id}/rotate`,
      'POST',
      { overlapSeconds: 2 },
      uniqueId('idem-'),
    );
    assert.equal(response.status, 201);
    const rotated = (await response.json()) as Key;
    assert.notEqual(rotated.apiKey, old.apiKey);
    assert.equal(rotated.rotatedFrom, old.id);
    assert.deepEqual(rotated.scopes, ['customers:read', 'customers:write']);
    assert.equal(rotated.previous?.status, 'expiring');
    assert.equal((await partnerCall(rotated.apiKey ?? '')).status, 200);
    assert.equal((await partnerCall(old.apiKey ?? '')).status, 200, 'the old key still works in the overlap');
    await waitFor(
      async () => ((await partnerCall(old.apiKey ?? '')).status === 401 ? true : undefined),
      15_000,
    );
    assert.equal((await partnerCall(rotated.apiKey ?? '')).status, 200);
    const keys = ((await (await ops(`/v1/partners/${partner.id}/keys`)).json()) as { items: Key[] }).items;
    assert.deepEqual(
      keys.map((key) => [key.id, key.status]),
      [
        [old.id, 'expired'],
        [rotated.id, 'active'],
      ],
    );
    const again = await ops(
      `/v1/partners/${partner.id}/keys/${old.id}/rotate`,
      'POST',
      {},
      uniqueId('idem-'),
    );
    assert.equal(again.status, 404, 'an expired key cannot be rotated');
    assert.deepEqual(await auditActions([old.id]), ['credential.issue', 'credential.rotate']);
  });

  it('rotates from the CLI with the default 24 h overlap', async () => {
    const partner = await createPartner({ name: uniqueId('Cli ') });
    const old = await issueKey(partner.id, ['customers:read']);
    const cli = spawnSync(
      process.execPath,
      [
        join(distRoot, 'scripts/concord-cli.js'),
        'partner',
        'rotate-key',
        '--id',
        partner.id,
        '--key-id',
        old.id,
      ],
      { env: { ...process.env, DATABASE_URL: testDatabaseUrl() }, encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout.trim()) as {
      keyId: string;
      apiKey: string;
      previousKeyExpiresAt: string;
    };
    const overlapHours = (Date.parse(printed.previousKeyExpiresAt) - Date.now()) / 3_600_000;
    assert.ok(overlapHours > 23 && overlapHours <= 24, `overlap of ${overlapHours} h`);
    assert.equal((await partnerCall(printed.apiKey)).status, 200);
    assert.equal((await partnerCall(old.apiKey ?? '')).status, 200);
    const audit: Array<{ actor_type: string }> = await dataSource.query(
      `SELECT actor_type FROM audit_log WHERE target_id = $1 AND action = 'credential.rotate'`,
      [old.id],
    );
    assert.deepEqual(audit, [{ actor_type: 'cli' }]);
  });
});
