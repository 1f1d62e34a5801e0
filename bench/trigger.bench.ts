import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectDatabase, startEmbeddedPostgres } from '@concord/persistence';
import { freePort } from '@concord/testing';
import { type BenchProcess, peakRssMb, startBenchProcess, stopBenchProcesses } from './support/processes.js';

// bench:trigger — creates Customer accounts in the Salesforce sandbox (collections of 200) and lets
// process-onboarding find them on the CRM change feed and onboard them into the ERP and billing
// sandboxes, each app in its own process. Prints accounts/s end to end, how long a change waited
// before Concord recorded it (CRM modstamp → inbox row), and the peak RSS of every process.

const distRoot = fileURLToPath(new URL('../', import.meta.url));
const total = Number(process.env.BENCH_ACCOUNTS ?? 200);
const pollMs = Number(process.env.BENCH_POLL_MS ?? 500);
const url = (port: number) => `http://127.0.0.1:${port}`;

async function salesforceToken(base: string): Promise<string> {
  const response = await fetch(`${base}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=concord&client_secret=concord-secret',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function createAccounts(base: string, run: string): Promise<string[]> {
  const token = await salesforceToken(base);
  const ids: string[] = [];
  for (let start = 0; start < total; start += 200) {
    const records = Array.from({ length: Math.min(200, total - start) }, (_, offset) => ({
      attributes: { type: 'Account' },
      Name: `Bench ${run} Customer ${start + offset} GmbH`,
      Type: 'Customer',
      Tax_Id__c: 'DE136695976',
      BillingStreet: `Hauptstr. ${offset + 1}`,
      BillingCity: 'Berlin',
      BillingPostalCode: '10115',
      BillingCountry: 'DE',
      CurrencyIsoCode: 'EUR',
    }));
    const response = await fetch(`${base}/services/data/v59.0/composite/sobjects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allOrNone: true, records }),
    });
    const results = (await response.json()) as Array<{ id: string }>;
    ids.push(...results.map((result) => result.id));
  }
  return ids;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const dataDir = await mkdtemp(join(tmpdir(), 'concord-bench-trigger-'));
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 0 });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
const processes: BenchProcess[] = [];
const db = await connectDatabase({ url: databaseUrl, appName: 'bench-trigger', poolSize: 2 });
try {
  const run = Date.now().toString(36);
  const ports = Object.fromEntries(
    await Promise.all(
      ['sf', 'bc', 'stripe', 'crm', 'erp', 'billing', 'onboarding'].map(
        async (name) => [name, await freePort()] as const,
      ),
    ),
  ) as Record<'sf' | 'bc' | 'stripe' | 'crm' | 'erp' | 'billing' | 'onboarding', number>;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    QUEUE_NAMESPACE: `bench-${run}`,
    SALESFORCE_URL: url(ports.sf),
    BUSINESS_CENTRAL_URL: url(ports.bc),
    STRIPE_URL: url(ports.stripe),
    SYSTEM_CRM_URL: url(ports.crm),
    SYSTEM_ERP_URL: url(ports.erp),
    SYSTEM_BILLING_URL: url(ports.billing),
    CRM_CHANGES_POLL_MS: String(pollMs),
  };
  const start = async (name: string, script: string, extra: NodeJS.ProcessEnv, port: number) =>
    processes.push(await startBenchProcess(name, join(distRoot, script), { ...env, ...extra }, url(port)));
  await start(
    'sandbox',
    'apps/sandbox/src/main.js',
    {
      SANDBOX_SEED: 'false',
      SANDBOX_SALESFORCE_PORT: String(ports.sf),
      SANDBOX_BUSINESS_CENTRAL_PORT: String(ports.bc),
      SANDBOX_STRIPE_PORT: String(ports.stripe),
    },
    ports.sf,
  );
  for (const [name, port] of [
    ['system-crm', ports.crm],
    ['system-erp', ports.erp],
    ['system-billing', ports.billing],
    ['process-onboarding', ports.onboarding],
  ] as const) {
    await start(name, `apps/${name}/src/main.js`, { PORT: String(port) }, port);
  }

  const started = performance.now();
  const ids = await createAccounts(url(ports.sf), run);
  const created = (performance.now() - started) / 1000;
  let settled = { synced: 0, ended: 0 };
  while (settled.ended < ids.length) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const [row] = await db.query<Array<{ synced: string; ended: string }>>(
      `SELECT count(*) FILTER (WHERE state = 'synced') AS synced,
              count(*) FILTER (WHERE state IN ('synced', 'rejected', 'failed')) AS ended
         FROM flow WHERE input->>'crmAccountId' = ANY($1)`,
      [ids],
    );
    settled = { synced: Number(row?.synced), ended: Number(row?.ended) };
  }
  const seconds = (performance.now() - started) / 1000;
  const waits = (
    await db.query<Array<{ ms: string }>>(
      `SELECT EXTRACT(EPOCH FROM recorded_at - occurred_at) * 1000 AS ms FROM event_log
        WHERE source_system = 'crm' AND type = 'crm.account.onboarding-started'
          AND split_part(source_event_id, '@', 1) = ANY($1)`,
      [ids],
    )
  )
    .map((row) => Number(row.ms))
    .sort((a, b) => a - b);

  const lines = [
    `bench:trigger — ${total} Customer accounts created in Salesforce, feed polled every ${pollMs} ms`,
    '',
    `  created in the CRM      ${created.toFixed(1)} s`,
    `  all onboardings ended   ${seconds.toFixed(1)} s   ${(total / seconds).toFixed(1)} accounts/s   ` +
      `synced ${settled.synced}, other ${settled.ended - settled.synced}`,
    `  CRM change → inbox      p50 ${percentile(waits, 50).toFixed(0)} ms   p95 ${percentile(waits, 95).toFixed(0)} ms   ` +
      `max ${percentile(waits, 100).toFixed(0)} ms`,
    '',
    'peak RSS per process',
    ...processes.map((managed) => `  ${managed.name.padEnd(20)} ${peakRssMb(managed.child.pid)} MB`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await stopBenchProcesses(processes);
  await db.destroy();
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
