import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsforce from 'jsforce';
import { connectDatabase, type DataSource, startEmbeddedPostgres } from '@concord/persistence';
import { createScratchDatabase, freePort, syntheticAccounts } from '@concord/testing';
import {
  type BenchProcess,
  peakRssMb,
  startBenchProcess,
  startBenchSandbox,
  stopBenchProcesses,
} from './support/processes.js';
import { percentile } from './support/percentile.js';

// bench:onboarding — creates accounts in the Salesforce sandbox through jsforce (collections of 200)
// and lets Concord onboard them from the CRM change feed alone, every app in its own process.
// Phase 1 runs with the vendors unthrottled; phase 2 limits the Stripe sandbox to Stripe's live rate.
// Prints accounts/s end to end, p50/p99 from account creation to Synced, vendor API calls per account
// per system, Stripe 429s, and the peak RSS of every process. `BENCH_ONBOARDING_REPLICAS` runs more than one
// process-onboarding against the same queues.

const distRoot = fileURLToPath(new URL('../', import.meta.url));
const total = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const limitedTotal = Number(process.env.BENCH_LIMITED_ACCOUNTS ?? Math.min(total, 3_000));
const stripeLiveRate = 100;
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000;
const onboardingReplicas = Number(process.env.BENCH_ONBOARDING_REPLICAS ?? 1);

interface Ports {
  sf: number;
  bc: number;
  stripe: number;
  crm: number;
  erp: number;
  billing: number;
  onboarding: number;
}
const url = (port: number) => `http://127.0.0.1:${port}`;

async function admin<T>(port: number, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url(port)}/__admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return (await response.json()) as T;
}

interface CallSnapshot {
  total: number;
  routes: Record<string, number>;
}
const calls = (port: number) => admin<CallSnapshot>(port, 'GET', 'calls');

/** Stripe answers of 429 that system-billing received, from its own `concord_external_calls_total`. */
async function stripe429s(billingPort: number): Promise<number> {
  const text = await (await fetch(`${url(billingPort)}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('concord_external_calls_total{') && line.includes('status="429"'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function createAccounts(
  conn: jsforce.Connection,
  count: number,
  seed: number,
): Promise<Map<string, number>> {
  const createdAt = new Map<string, number>();
  const accounts = syntheticAccounts(count, seed);
  for (let offset = 0; offset < accounts.length; offset += 200) {
    const chunk = accounts.slice(offset, offset + 200);
    const results = await conn.sobject('Account').create(chunk, { allOrNone: true });
    const now = Date.now();
    for (const result of results) if (result.success) createdAt.set(result.id, now);
  }
  return createdAt;
}

interface Settled {
  state: string;
  crm_account_id: string;
  settled_at: Date;
}

async function waitUntilSettled(db: DataSource, createdAt: Map<string, number>): Promise<Settled[]> {
  const ids = [...createdAt.keys()];
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    const rows: Settled[] = await db.query(
      `SELECT DISTINCT ON (input->>'crmAccountId') state, input->>'crmAccountId' AS crm_account_id, updated_at AS settled_at
         FROM flow WHERE kind = 'customer-onboarding' AND input->>'crmAccountId' = ANY($1)
         ORDER BY input->>'crmAccountId', created_at DESC`,
      [ids],
    );
    const done = rows.filter((row) => ['synced', 'rejected', 'failed', 'review'].includes(row.state));
    if (done.length === ids.length) return done;
    if (Date.now() - lastReport > 10_000) {
      process.stderr.write(`  … ${done.length}/${ids.length} settled (${rows.length} flows started)\n`);
      lastReport = Date.now();
    }
    if (Date.now() > deadline) {
      process.stderr.write(`  timed out with ${done.length}/${ids.length} settled\n`);
      return done;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function runPhase(
  label: string,
  count: number,
  seed: number,
  ports: Ports,
  conn: jsforce.Connection,
  db: DataSource,
): Promise<string[]> {
  const before = { sf: await calls(ports.sf), bc: await calls(ports.bc), stripe: await calls(ports.stripe) };
  const throttledBefore = await stripe429s(ports.billing);
  const started = Date.now();
  const createdAt = await createAccounts(conn, count, seed);
  const seeded = await calls(ports.sf);
  const settled = await waitUntilSettled(db, createdAt);
  const seconds = (Math.max(...settled.map((row) => row.settled_at.getTime())) - started) / 1000;
  const after = { sf: await calls(ports.sf), bc: await calls(ports.bc), stripe: await calls(ports.stripe) };
  const latencies = settled
    .filter((row) => row.state === 'synced')
    .map((row) => row.settled_at.getTime() - (createdAt.get(row.crm_account_id) ?? started))
    .sort((a, b) => a - b);
  const byState = new Map<string, number>();
  for (const row of settled) byState.set(row.state, (byState.get(row.state) ?? 0) + 1);
  const perAccount = (n: number) => (n / count).toFixed(2);
  const stripeCalls = after.stripe.total - before.stripe.total;
  return [
    `${label}: ${count} accounts`,
    `  end to end      ${Math.round(count / seconds)} accounts/s (${seconds.toFixed(1)} s from the first create to the last settled flow)`,
    `  outcomes        ${[...byState].map(([state, n]) => `${state} ${n}`).join(', ')}`,
    `  CRM → Synced    p50 ${percentile(latencies, 0.5)} ms   p99 ${percentile(latencies, 0.99)} ms`,
    `  vendor calls    Salesforce ${perAccount(after.sf.total - seeded.total)} per account (plus ${seeded.total - before.sf.total} to create them), ` +
      `Business Central ${perAccount(after.bc.total - before.bc.total)}, Stripe ${perAccount(stripeCalls)}`,
    `  Stripe          ${(stripeCalls / seconds).toFixed(1)} requests/s, ${(await stripe429s(ports.billing)) - throttledBefore} answered 429`,
  ];
}

const dataDir = await mkdtemp(join(tmpdir(), 'concord-bench-onboarding-'));
// A database of the run's own: customers an earlier run left would be matched, and their billing IDs
// (in a sandbox long gone) tried first.
const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase('concord_bench_onboarding_', process.env.DATABASE_URL)
  : undefined;
const embedded = scratch ? undefined : await startEmbeddedPostgres({ dataDir, port: 0 });
const databaseUrl = scratch?.url ?? embedded!.url;
const processes: BenchProcess[] = [];
let db: DataSource | undefined;
try {
  db = await connectDatabase({ url: databaseUrl, appName: 'bench', poolSize: 2 });
  const ports: Ports = {
    sf: await freePort(),
    bc: await freePort(),
    stripe: await freePort(),
    crm: await freePort(),
    erp: await freePort(),
    billing: await freePort(),
    onboarding: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    QUEUE_NAMESPACE: `bench${Date.now().toString(36)}`,
    SALESFORCE_URL: url(ports.sf),
    BUSINESS_CENTRAL_URL: url(ports.bc),
    STRIPE_URL: url(ports.stripe),
    SYSTEM_CRM_URL: url(ports.crm),
    SYSTEM_ERP_URL: url(ports.erp),
    SYSTEM_BILLING_URL: url(ports.billing),
    CRM_CHANGES_POLL_MS: process.env.CRM_CHANGES_POLL_MS ?? '250',
  };
  const start = async (name: string, main: string, port: number, extra: NodeJS.ProcessEnv = {}) => {
    processes.push(
      await startBenchProcess(
        name,
        join(distRoot, main),
        { ...env, PORT: String(port), ...extra },
        url(port),
      ),
    );
  };
  processes.push(await startBenchSandbox(join(distRoot, 'apps/sandbox/src/main.js'), env, ports));
  // Real org, tenant and account quotas are far larger than one bench run needs; lift the sandbox defaults.
  await admin(ports.sf, 'PUT', 'limits', { dailyApiLimit: 10_000_000 });
  await admin(ports.bc, 'PUT', 'limits', { requestBudget: 10_000_000 });
  await admin(ports.stripe, 'PUT', 'limits', { ratePerSecond: 100_000 });
  // With the vendors unthrottled, Concord's own ceilings (Business Central's and Stripe's published
  // limits) are lifted too; phase 2 starts system-billing again at Stripe's live limit.
  await start('system-crm', 'apps/system-crm/src/main.js', ports.crm);
  await start('system-erp', 'apps/system-erp/src/main.js', ports.erp, {
    ERP_VENDOR_RATE_PER_SECOND: '100000',
    ERP_VENDOR_BURST: '100000',
  });
  await start('system-billing', 'apps/system-billing/src/main.js', ports.billing, {
    STRIPE_MAX_RPS: '10000',
  });
  // Replicas share the queues and take turns on the change feed (advisory lock), as in production.
  for (let replica = 0; replica < onboardingReplicas; replica++) {
    const port = replica === 0 ? ports.onboarding : await freePort();
    const name = replica === 0 ? 'process-onboarding' : `process-onboarding-${replica + 1}`;
    await start(name, 'apps/process-onboarding/src/main.js', port);
  }

  const conn = new jsforce.Connection({
    oauth2: { loginUrl: url(ports.sf), clientId: 'concord', clientSecret: 'concord-secret' },
    version: '59.0',
  });
  await conn.authorize({ grant_type: 'client_credentials' });

  const lines = [`bench:onboarding — accounts created in Salesforce, onboarded from the CRM change feed`, ''];
  lines.push(...(await runPhase('unthrottled vendors', total, 1, ports, conn, db)), '');
  await admin(ports.stripe, 'PUT', 'limits', { ratePerSecond: stripeLiveRate });
  const billing = processes.findIndex((managed) => managed.name === 'system-billing');
  const unthrottledRss = peakRssMb(processes[billing]?.child.pid);
  await stopBenchProcesses(processes.splice(billing, 1));
  await start('system-billing', 'apps/system-billing/src/main.js', ports.billing, {
    STRIPE_MAX_RPS: String(stripeLiveRate),
  });
  lines.push(
    ...(await runPhase(`Stripe limited to ${stripeLiveRate} requests/s`, limitedTotal, 2, ports, conn, db)),
    '',
  );
  lines.push('peak RSS per process');
  for (const managed of processes) {
    const peak = peakRssMb(managed.child.pid);
    const rss = managed.name === 'system-billing' ? Math.max(peak, unthrottledRss) : peak;
    lines.push(`  ${managed.name.padEnd(20)} ${rss} MB`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await stopBenchProcesses(processes);
  await db?.destroy();
  await embedded?.stop();
  await scratch?.drop();
  await rm(dataDir, { recursive: true, force: true });
}
