import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { PartnerAdminService, type PartnerLimits } from '@concord/governance';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { bootApp, type RunningApp } from '@concord/platform';
import { testDatabaseUrl, testRedisUrl, uniqueId } from '@concord/testing';
import { EXPERIENCE_PARTNER_APP } from '../src/experience-partner.module.js';

const stores = [
  { name: 'redis', redisUrl: testRedisUrl() },
  { name: 'postgres', redisUrl: '' },
];
const actor = { type: 'cli' as const, id: 'quota-test' };

for (const store of stores) {
  describe(`partner rate limits and daily quotas on ${store.name}, shared by two replicas`, () => {
    let replicas: RunningApp[];
    let dataSource: DataSource;
    let admin: PartnerAdminService;

    before(async () => {
      const env = {
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: store.redisUrl,
        PORT: '0',
        LOG_LEVEL: 'warn',
        QUEUE_NAMESPACE: uniqueId('q').toLowerCase(),
      };
      const silent = { write: () => undefined };
      replicas = [
        await bootApp(EXPERIENCE_PARTNER_APP, { env: { ...env }, logDestination: silent }),
        await bootApp(EXPERIENCE_PARTNER_APP, { env: { ...env }, logDestination: silent }),
      ];
      dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'e2e-quotas', poolSize: 2 });
      admin = new PartnerAdminService(dataSource);
    });

    after(async () => {
      for (const replica of replicas) await replica.close();
      await dataSource.destroy();
    });

    const partnerWith = async (limits: PartnerLimits) => {
      const partner = await admin.createPartner(uniqueId('quota-'), limits, actor);
      const { apiKey } = await admin.issueKey(partner.id, ['customers:read'], actor);
      return { partnerId: partner.id, apiKey };
    };
    const call = (replica: number, apiKey: string, path = '/v1/webhook-endpoints', method = 'GET') =>
      fetch(`${replicas[replica]?.url}${path}`, { method, headers: { authorization: `Bearer ${apiKey}` } });
    const rateHeaders = (response: Response) => ({
      limit: response.headers.get('ratelimit-limit'),
      remaining: response.headers.get('ratelimit-remaining'),
    });

    it('counts one window limit across both replicas, then answers 429 RATE_LIMITED', async () => {
      const { partnerId, apiKey } = await partnerWith({ rateLimit: { points: 4, windowSeconds: 60 } });
      const seen: Array<{ limit: string | null; remaining: string | null }> = [];
      for (const replica of [0, 1, 0, 1]) {
        const response = await call(replica, apiKey);
        assert.equal(response.status, 200);
        seen.push(rateHeaders(response));
      }
      assert.deepEqual(
        seen.map((headers) => headers.remaining),
        ['3', '2', '1', '0'],
        'each replica sees the requests the other counted',
      );
      assert.ok(seen.every((headers) => headers.limit === '4'));
      for (const replica of [0, 1]) {
        const refused = await call(replica, apiKey);
        assert.equal(refused.status, 429);
        const retryAfter = Number(refused.headers.get('retry-after'));
        assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        assert.equal(refused.headers.get('ratelimit-remaining'), '0');
        assert.equal(refused.headers.get('ratelimit-reset'), String(retryAfter));
        const body = (await refused.json()) as { error: { code: string } };
        assert.equal(body.error.code, 'RATE_LIMITED');
      }
      if (store.name === 'postgres') {
        const rows: unknown[] = await dataSource.query(`SELECT key FROM rate_limit WHERE key LIKE $1`, [
          `%${partnerId}%`,
        ]);
        assert.ok(rows.length > 0, 'the counter lives in PostgreSQL');
      } else {
        const redis = new Redis(testRedisUrl());
        try {
          assert.ok((await redis.keys(`*${partnerId}*`)).length > 0, 'the counter lives in Redis');
        } finally {
          await redis.quit();
        }
      }
    });

    it('passes exactly the limit across replicas that take it in leases, under concurrent load', async () => {
      const { apiKey } = await partnerWith({ rateLimit: { points: 200, windowSeconds: 60 } });
      const statuses: number[] = [];
      for (let round = 0; round < 13; round += 1) {
        const batch = [0, 1].flatMap((replica) =>
          Array.from({ length: 10 }, () => call(replica, apiKey).then((response) => response.status)),
        );
        statuses.push(...(await Promise.all(batch)));
      }
      assert.equal(statuses.filter((status) => status === 200).length, 200);
      assert.equal(statuses.filter((status) => status === 429).length, 60);
    });

    it('answers 429 QUOTA_EXCEEDED once the daily quota is used, until UTC midnight', async () => {
      const { apiKey } = await partnerWith({ rateLimit: { points: 100, windowSeconds: 1 }, dailyQuota: 2 });
      assert.equal((await call(0, apiKey)).status, 200);
      assert.equal((await call(1, apiKey)).status, 200);
      const refused = await call(0, apiKey);
      assert.equal(refused.status, 429);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'QUOTA_EXCEEDED');
      const now = new Date();
      const untilMidnight =
        (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(Math.abs(retryAfter - untilMidnight) <= 5, `Retry-After ${retryAfter} vs ${untilMidnight}`);
      assert.equal(refused.headers.get('ratelimit-limit'), '2');
    });

    it('puts the RateLimit headers on error answers too, and uses the defaults without own limits', async () => {
      const { apiKey } = await partnerWith({});
      const missing = await call(1, apiKey, `/v1/webhook-endpoints/${crypto.randomUUID()}`, 'DELETE');
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('ratelimit-limit'), '100');
      assert.equal(missing.headers.get('ratelimit-remaining'), '99');
      const unauthenticated = await fetch(`${replicas[0]?.url}/v1/webhook-endpoints`);
      assert.equal(unauthenticated.status, 401);
    });
  });
}
