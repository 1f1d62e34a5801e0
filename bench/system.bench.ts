import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServiceTokenIssuer } from '@concord/governance';
import { connectDatabase, startEmbeddedPostgres } from '@concord/persistence';
import { freePort } from '@concord/testing';
import {
  type BenchProcess,
  peakRssMb,
  startBenchProcess,
  startBenchSandbox,
  stopBenchProcesses,
} from './support/processes.js';

// bench:system — upserts customers through system-crm (Salesforce collections of 200) and system-erp
// (Business Central $batch of 100) against the sandboxes, each app in its own process. Prints
// records/s, vendor API calls per record and the peak RSS of every process.

const distRoot = fileURLToPath(new URL('../', import.meta.url));
const total = Number(process.env.BENCH_RECORDS ?? 10_000);
const batchSize = 200;
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 4);

const customer = (index: number) => ({
  name: `Bench Customer ${index} GmbH`,
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  email: `ap${index}@bench.example.com`,
  address: { line1: `Hauptstr. ${(index % 200) + 1}`, city: 'Berlin', postalCode: '10115' },
});

async function vendorCalls(adminUrl: string): Promise<number> {
  const response = await fetch(`${adminUrl}/__admin/calls`);
  return ((await response.json()) as { total: number }).total;
}

/** HTTP calls the app itself made to its vendor, from its own `concord_external_calls_total`. */
async function outboundCalls(appUrl: string): Promise<number> {
  const text = await (await fetch(`${appUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('concord_external_calls_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function upsertAll(appUrl: string, token: string): Promise<{ seconds: number; failed: number }> {
  const batches = Array.from({ length: Math.ceil(total / batchSize) }, (_, batch) =>
    Array.from({ length: Math.min(batchSize, total - batch * batchSize) }, (_, offset) => ({
      concordId: randomUUID(),
      customer: customer(batch * batchSize + offset),
    })),
  );
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < batches.length) {
      const items = batches[next++]!;
      const response = await fetch(`${appUrl}/v1/customers/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
      });
      if (response.status !== 200) {
        failed += items.length;
        process.stderr.write(`batch answered ${response.status}: ${(await response.text()).slice(0, 300)}\n`);
        continue;
      }
      const { results } = (await response.json()) as { results: Array<{ ok: boolean }> };
      failed += results.filter((result) => !result.ok).length;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { seconds: (performance.now() - started) / 1000, failed };
}

const dataDir = await mkdtemp(join(tmpdir(), 'concord-bench-system-'));
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 0 });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
const processes: BenchProcess[] = [];
try {
  await (await connectDatabase({ url: databaseUrl, appName: 'bench', poolSize: 2 })).destroy();
  const ports = {
    sf: await freePort(),
    bc: await freePort(),
    stripe: await freePort(),
    crm: await freePort(),
    erp: await freePort(),
  };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SALESFORCE_URL: url(ports.sf),
    BUSINESS_CENTRAL_URL: url(ports.bc),
    STRIPE_URL: url(ports.stripe),
  };
  const sandbox = await startBenchSandbox(join(distRoot, 'apps/sandbox/src/main.js'), env, ports);
  processes.push(sandbox);
  // Real org and tenant quotas are far larger than one bench run needs; lift the sandbox defaults.
  await fetch(`${url(ports.bc)}/__admin/limits`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requestBudget: 1_000_000 }),
  });
  processes.push(
    await startBenchProcess(
      'system-crm',
      join(distRoot, 'apps/system-crm/src/main.js'),
      { ...env, PORT: String(ports.crm) },
      url(ports.crm),
    ),
  );
  processes.push(
    await startBenchProcess(
      'system-erp',
      join(distRoot, 'apps/system-erp/src/main.js'),
      { ...env, PORT: String(ports.erp) },
      url(ports.erp),
    ),
  );
  const token = await new ServiceTokenIssuer({
    secret: 'concord-development-service-token-secret',
    app: 'bench',
    ttlSeconds: 3600,
  }).tokenFor('system');

  const lines = [
    `bench:system — ${total} customers per system, batches of ${batchSize}, ${inFlight} batches in flight`,
    '',
  ];
  for (const [name, appPort, vendorPort, vendor] of [
    ['system-crm', ports.crm, ports.sf, 'Salesforce'],
    ['system-erp', ports.erp, ports.bc, 'Business Central'],
  ] as const) {
    const before = {
      http: await outboundCalls(url(appPort)),
      operations: await vendorCalls(url(vendorPort)),
    };
    const { seconds, failed } = await upsertAll(url(appPort), token);
    const http = (await outboundCalls(url(appPort))) - before.http;
    const operations = (await vendorCalls(url(vendorPort))) - before.operations;
    lines.push(
      `  ${name.padEnd(12)} ${String(Math.round(total / seconds)).padStart(6)} records/s   ${seconds.toFixed(1)} s   failed ${failed}`,
      `  ${''.padEnd(12)} ${vendor}: ${http} HTTP calls (${(http / total).toFixed(4)} per record), ` +
        `${operations} operations counted by the vendor (${(operations / total).toFixed(4)} per record)`,
    );
  }
  lines.push('', 'peak RSS per process');
  for (const managed of processes)
    lines.push(`  ${managed.name.padEnd(12)} ${peakRssMb(managed.child.pid)} MB`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await stopBenchProcesses(processes);
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
