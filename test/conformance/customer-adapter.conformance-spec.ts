import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { serviceToken } from '../support/credentials.js';
import { type RunningSandbox, sandboxAdmin, sandboxEnv, startTestSandbox } from '../support/sandbox.js';
import { bootStack, type Stack } from '../support/stack.js';
import { businessCentralTarget } from './targets/business-central.target.js';
import { salesforceTarget } from './targets/salesforce.target.js';
import { stripeTarget } from './targets/stripe.target.js';

// One suite, every customer adapter: each runs it against its own sandbox through its system API.

interface Change {
  kind: 'upsert' | 'delete';
  externalId: string;
  concordId?: string;
  sourceVersion: string;
}
interface ChangePage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}
interface Envelope {
  error: { code: string; details: Array<{ path?: string }> };
}

const customer = (name: string) => ({
  name,
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  email: 'billing@contoso.example.com',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
});

// CONFORMANCE_ONLY=<part of a target name> narrows the run while an adapter is being written.
const targets = [salesforceTarget, businessCentralTarget, stripeTarget].filter((target) =>
  target.name.toLowerCase().includes((process.env.CONFORMANCE_ONLY ?? '').toLowerCase()),
);

for (const target of targets) {
  describe(`customer adapter conformance: ${target.name}`, () => {
    let sandbox: RunningSandbox;
    let stack: Stack;
    let token: string;
    const app = target.app.name;

    before(async () => {
      sandbox = await startTestSandbox();
      stack = await bootStack([target.app], sandboxEnv(sandbox));
      token = await serviceToken('system');
    });
    after(async () => {
      await stack.close();
      await sandbox.close();
    });

    const api = (path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
      fetch(`${stack.url(app)}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(init.key ? { 'idempotency-key': init.key } : {}),
        },
        body: init.body === undefined ? null : JSON.stringify(init.body),
      });
    const fault = (spec: Record<string, unknown>) =>
      sandboxAdmin(target.vendorUrl(sandbox), 'POST', 'faults', spec);
    const clearFaults = () => sandboxAdmin(target.vendorUrl(sandbox), 'DELETE', 'faults');

    async function readFeed(cursor?: string, limit = 5): Promise<ChangePage> {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const response = await api(`/v1/customers/changes?${query.toString()}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as ChangePage;
    }

    it('upserts idempotently: same key twice → one record and the same answer; same key, new body → 422', async () => {
      const concordId = randomUUID();
      const name = `Conformance ${concordId}`;
      const key = `conf-${randomUUID()}`;
      const first = await api(`/v1/customers/${concordId}`, { method: 'PUT', key, body: customer(name) });
      assert.equal(first.status, 201, await first.clone().text());
      const replay = await api(`/v1/customers/${concordId}`, { method: 'PUT', key, body: customer(name) });
      assert.equal(replay.status, 201);
      assert.deepEqual(await replay.json(), await first.json());
      assert.equal(await target.countByName(sandbox, name), 1);
      const reused = await api(`/v1/customers/${concordId}`, {
        method: 'PUT',
        key,
        body: customer(`${name} changed`),
      });
      assert.equal(reused.status, 422);
      const update = await api(`/v1/customers/${concordId}`, {
        method: 'PUT',
        key: `conf-${randomUUID()}`,
        body: customer(name),
      });
      assert.equal(update.status, 200);
      assert.equal(await target.countByName(sandbox, name), 1);
      const read = await api(`/v1/customers/${concordId}`);
      assert.equal(read.status, 200);
      assert.equal(((await read.json()) as { concordId: string }).concordId, concordId);
    });

    it('answers 404 for a customer the system does not hold', async () => {
      const response = await api(`/v1/customers/${randomUUID()}`);
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as Envelope).error.code, 'NOT_FOUND');
    });

    it('turns a vendor validation error into 422 Rejected with field paths', async () => {
      await fault({
        route: target.writeRoute,
        status: target.rejection.status,
        body: target.rejection.body,
        count: 5,
      });
      try {
        const response = await api(`/v1/customers/${randomUUID()}`, {
          method: 'PUT',
          key: `conf-${randomUUID()}`,
          body: customer(`Rejected ${randomUUID()}`),
        });
        assert.equal(response.status, 422);
        const body = (await response.json()) as Envelope;
        assert.equal(body.error.code, 'UPSTREAM_REJECTED');
        if (target.rejection.expectedPath)
          assert.ok(body.error.details.some((detail) => detail.path === target.rejection.expectedPath));
      } finally {
        await clearFaults();
      }
    });

    it('turns vendor throttling into 429 with the wait', async () => {
      await fault({
        route: target.writeRoute,
        status: target.throttle.status,
        ...(target.throttle.body ? { body: target.throttle.body } : {}),
        count: 20,
      });
      try {
        const response = await api(`/v1/customers/${randomUUID()}`, {
          method: 'PUT',
          key: `conf-${randomUUID()}`,
          body: customer(`Throttled ${randomUUID()}`),
        });
        assert.equal(response.status, 429);
        assert.equal(((await response.json()) as Envelope).error.code, 'RATE_LIMITED');
        assert.ok(Number(response.headers.get('retry-after')) >= 1);
      } finally {
        await clearFaults();
      }
    });

    it('never creates twice when the answer to a write is lost', async () => {
      const concordId = randomUUID();
      const name = `Lost answer ${concordId}`;
      const key = `conf-${randomUUID()}`;
      await fault({ route: target.writeRoute, phase: 'after', reset: true, count: 1 });
      let status = 0;
      for (let attempt = 0; attempt < 3 && status !== 200 && status !== 201; attempt += 1) {
        status = (await api(`/v1/customers/${concordId}`, { method: 'PUT', key, body: customer(name) }))
          .status;
      }
      await clearFaults();
      assert.ok(status === 200 || status === 201, `ended with ${status}`);
      assert.equal(await target.countByName(sandbox, name), 1);
    });

    if (target.concurrencyConflict) {
      const conflict = target.concurrencyConflict;
      it('re-reads and retries once when the record changed underneath (ETag)', async () => {
        const concordId = randomUUID();
        const name = `Etag ${concordId}`;
        assert.equal(
          (
            await api(`/v1/customers/${concordId}`, {
              method: 'PUT',
              key: `conf-${randomUUID()}`,
              body: customer(name),
            })
          ).status,
          201,
        );
        await fault({
          route: conflict.route,
          status: conflict.answer.status,
          body: conflict.answer.body,
          count: 1,
        });
        const update = await api(`/v1/customers/${concordId}`, {
          method: 'PUT',
          key: `conf-${randomUUID()}`,
          body: { ...customer(name), email: 'ap@contoso.example.com' },
        });
        await clearFaults();
        assert.equal(update.status, 200);
      });
    }

    it('delivers every change exactly once across pages, with writes between pages and deletions', async () => {
      const ids = Array.from({ length: 12 }, () => randomUUID());
      const batch = await api('/v1/customers/batch', {
        method: 'POST',
        body: { items: ids.map((concordId) => ({ concordId, customer: customer(`Feed ${concordId}`) })) },
      });
      assert.equal(batch.status, 200);
      const { results } = (await batch.json()) as {
        results: Array<{ ok: boolean; outcome?: { externalId: string } }>;
      };
      // Changes are matched by the vendor ID: not every vendor can carry the canonical ID.
      const expected = new Set(results.map((result) => result.outcome?.externalId ?? 'missing'));
      const seen = new Map<string, number>();
      let cursor: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await readFeed(cursor);
        pages += 1;
        for (const change of page.changes)
          seen.set(change.externalId, (seen.get(change.externalId) ?? 0) + 1);
        cursor = page.nextCursor;
        if (pages === 1) {
          for (let late = 0; late < 3; late += 1) {
            const concordId = randomUUID();
            const written = await api(`/v1/customers/${concordId}`, {
              method: 'PUT',
              key: `conf-${randomUUID()}`,
              body: customer(`Feed late ${concordId}`),
            });
            assert.equal(written.status, 201);
            expected.add(((await written.json()) as { externalId: string }).externalId);
          }
        }
        // A feed may trail the vendor by a moment (Stripe's event clock has one-second resolution):
        // keep reading until everything written shows up, within a deadline.
        const complete = [...expected].every((externalId) => seen.has(externalId));
        if (!page.hasMore && complete) break;
        if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, 250));
        assert.ok(pages < 200, 'every written record appears in the feed');
      }
      assert.ok(pages >= 3, `read ${pages} pages`);
      for (const externalId of expected)
        assert.equal(seen.get(externalId), 1, `${externalId} delivered once`);

      const victim = [...expected][0]!;
      await target.deleteInVendor(sandbox, victim);
      let deleted: Change | undefined;
      for (let round = 0; round < 20 && !deleted; round += 1) {
        const page = await readFeed(cursor, 50);
        deleted = page.changes.find((change) => change.kind === 'delete' && change.externalId === victim);
        cursor = page.nextCursor;
        if (!deleted && !page.hasMore) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      assert.ok(deleted, 'the deletion appears in the feed');
    });

    it('delivers a record committed late with an old timestamp inside the overlap window exactly once', async (t) => {
      const lateCommit = target.lateCommit?.bind(target);
      if (!lateCommit) {
        t.skip('this feed is ordered by commit, not by timestamp');
        return;
      }
      const drain = async (from?: string) => {
        const changes: Change[] = [];
        let cursor = from;
        for (;;) {
          const page = await readFeed(cursor, 50);
          changes.push(...page.changes);
          cursor = page.nextCursor;
          if (!page.hasMore) return { changes, cursor };
        }
      };
      const write = async (name: string) => {
        const concordId = randomUUID();
        const response = await api(`/v1/customers/${concordId}`, {
          method: 'PUT',
          key: `conf-${randomUUID()}`,
          body: customer(name),
        });
        assert.equal(response.status, 201);
        return (await response.json()) as { externalId: string; sourceVersion: string };
      };
      const anchor = await write(`Window anchor ${randomUUID()}`);
      const before = await drain();
      const late = await write(`Late commit ${randomUUID()}`);
      // Stamped a second before the anchor the cursor has already passed, committed only now.
      await lateCommit(sandbox, late.externalId, Date.now() - (Date.parse(anchor.sourceVersion) - 1_000));
      const after = await drain(before.cursor);
      assert.equal(after.changes.filter((change) => change.externalId === late.externalId).length, 1);
      assert.equal(after.changes.filter((change) => change.externalId === anchor.externalId).length, 0);
      const again = await drain(after.cursor);
      assert.equal(again.changes.filter((change) => change.externalId === late.externalId).length, 0);
    });

    it('refuses a cursor it did not issue', async () => {
      const response = await api('/v1/customers/changes?cursor=not-a-cursor');
      assert.equal(response.status, 400);
    });
  });
}
