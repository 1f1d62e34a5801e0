import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ServiceTokenIssuer } from '@concord/governance';
import { connectDatabase, startEmbeddedPostgres } from '@concord/persistence';
import { QueueRuntime } from '@concord/queues';
import { freePort } from '@concord/testing';
import { pacedLoad, type PacedResult } from './support/paced-load.js';
import { removeSeededPartners, seedPartnerCustomers } from './support/partner-seed.js';
import {
  type BenchProcess,
  cpuTimeMs,
  peakRssMb,
  postgresCpuTimeMs,
  startBenchProcess,
  stopBenchProcesses,
} from './support/processes.js';

// bench:partner — the partner reads at size: 100,000 customers over 50 partners seeded straight into
// flow/flow_step, then GET /v1/customers/{id}, the first page of GET /v1/customers and a page 1,000
// rows deep, each paced at 500 req/s and at full speed, next to a bare Fastify route, with the peak
// RSS of every process. The seeded rows are removed at the end (BENCH_KEEP=1 keeps them).

const distRoot = fileURLToPath(new URL('../', import.meta.url));
const duration = Number(process.env.BENCH_DURATION_S ?? 5);
// A p99 of a few thousand requests is set by a handful of them: the paced runs are longer.
const pacedSeconds = Number(process.env.BENCH_PACED_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const rate = Number(process.env.BENCH_RATE ?? 500);
const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const partnerCount = Number(process.env.BENCH_PARTNERS ?? 50);

interface Target {
  label: string;
  origin: string;
  paths: string[];
  headers: Record<string, string>;
}

/** CPU time so far of each app process and of PostgreSQL, to turn into a cost per request. */
function cpuReadings(apps: BenchProcess[]): number[] {
  return [...apps.map((managed) => cpuTimeMs(managed.child.pid)), postgresCpuTimeMs()];
}

function cpuPerRequest(apps: BenchProcess[], before: number[], requests: number): string {
  const after = cpuReadings(apps);
  const names = [...apps.map((managed) => managed.name), 'postgresql'];
  return names
    .map((name, i) => `${name} ${Math.round(((after[i]! - before[i]!) * 1000) / Math.max(1, requests))} µs`)
    .join(', ');
}

async function atMax(target: Target, seconds = duration) {
  let next = 0;
  const result = await autocannon({
    url: `${target.origin}${target.paths[0]}`,
    headers: target.headers,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: target.paths[next++ % target.paths.length]! }),
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

async function json<T>(url: string, headers: Record<string, string>): Promise<T> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const dataDir = await mkdtemp(join(tmpdir(), 'concord-bench-'));
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 0 });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
const processes: BenchProcess[] = [];
const dataSource = await connectDatabase({ url: databaseUrl, appName: 'bench-partner', poolSize: 2 });
await (await QueueRuntime.connect({ databaseUrl, redisUrl: process.env.REDIS_URL })).close();

const seedStarted = performance.now();
const seeded = await seedPartnerCustomers(dataSource, partnerCount, customers);
const seedSeconds = (performance.now() - seedStarted) / 1000;
try {
  const ports = { bare: await freePort(), onboarding: await freePort(), partner: await freePort() };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // One bench key sends thousands of requests a second: lift its quota, or the figures are of 429s.
    PARTNER_RATE_LIMIT: process.env.PARTNER_RATE_LIMIT ?? '1000000',
    PARTNER_DAILY_QUOTA: process.env.PARTNER_DAILY_QUOTA ?? '1000000000',
  };
  processes.push(
    await startBenchProcess(
      'bare-fastify',
      join(distRoot, 'bench/support/bare-server.js'),
      { ...env, PORT: String(ports.bare) },
      url(ports.bare),
    ),
    await startBenchProcess(
      'process-onboarding',
      join(distRoot, 'apps/process-onboarding/src/main.js'),
      { ...env, PORT: String(ports.onboarding) },
      url(ports.onboarding),
    ),
  );
  processes.push(
    await startBenchProcess(
      'experience-partner',
      join(distRoot, 'apps/experience-partner/src/main.js'),
      { ...env, PORT: String(ports.partner), PROCESS_ONBOARDING_URL: url(ports.onboarding) },
      url(ports.partner),
    ),
  );

  const partner = seeded.partners[0]!;
  const headers = { authorization: `Bearer ${partner.apiKey}` };
  const sample: Array<{ id: string }> = await dataSource.query(
    `SELECT entity_id AS id FROM flow WHERE partner_id = $1 ORDER BY random() LIMIT 200`,
    [partner.partnerId],
  );
  let cursor: string | undefined;
  for (let page = 0; page < 10; page += 1) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    cursor = (
      await json<{ nextCursor?: string }>(`${url(ports.partner)}/v1/customers?limit=100${query}`, headers)
    ).nextCursor;
  }
  const origin = url(ports.partner);
  const issuer = new ServiceTokenIssuer({
    secret: 'concord-development-service-token-secret',
    app: 'bench',
    ttlSeconds: 3600,
  });
  const serviceHeaders = { authorization: `Bearer ${await issuer.tokenFor('process')}` };
  const processPath = (id: string) => `/v1/partners/${partner.partnerId}/onboardings?concordId=${id}&limit=1`;
  const targets: Target[] = [
    { label: 'bare Fastify route', origin: url(ports.bare), paths: ['/bare'], headers: {} },
    {
      label: 'GET /v1/customers/{id}',
      origin,
      paths: sample.map((row) => `/v1/customers/${row.id}`),
      headers,
    },
    {
      label: '  the process-onboarding read behind it',
      origin: url(ports.onboarding),
      paths: sample.map((row) => processPath(row.id)),
      headers: serviceHeaders,
    },
    { label: 'GET /v1/customers (first page)', origin, paths: ['/v1/customers'], headers },
    {
      label: 'GET /v1/customers (1,000 rows deep)',
      origin,
      paths: [`/v1/customers?cursor=${encodeURIComponent(cursor ?? '')}`],
      headers,
    },
  ];

  process.stdout.write(
    `bench:partner — ${customers} customers over ${partnerCount} partners seeded in ${seedSeconds.toFixed(1)} s; ` +
      `${pacedSeconds} s paced and ${duration} s at max per run, ${connections} connections at max, database: ${embedded ? 'embedded' : 'DATABASE_URL'}\n`,
  );
  for (const target of targets) await atMax(target, 1);
  const paced = (label: string, m: PacedResult) =>
    `  ${label.padEnd(38)} ${String(m.sent).padStart(7)} sent    p50 ${m.p50.toFixed(2).padStart(6)} ms   p99 ${m.p99.toFixed(2).padStart(6)} ms   p99.9 ${m.p999.toFixed(1).padStart(6)} ms   max ${m.max.toFixed(1).padStart(6)} ms   errors ${m.errors}`;
  const lines = ['', `paced at ${rate} req/s (target p99 < 50 ms)`];
  const maxLines = ['', 'at max'];
  const cpuLines = ['', 'CPU per request at max'];
  const apps = processes.filter((managed) => managed.name !== 'bare-fastify');
  for (const target of targets) {
    lines.push(
      paced(
        target.label,
        await pacedLoad(
          `${target.origin}${target.paths[0]}`,
          target.headers,
          rate,
          pacedSeconds,
          target.paths,
        ),
      ),
    );
    const cpuBefore = cpuReadings(apps);
    const max = await atMax(target);
    if (target.origin !== url(ports.bare))
      cpuLines.push(`  ${target.label.padEnd(38)} ${cpuPerRequest(apps, cpuBefore, max.requests)}`);
    maxLines.push(
      `  ${target.label.padEnd(38)} ${String(max.rps).padStart(7)} req/s   p50 ${String(max.p50).padStart(4)} ms   p99 ${String(max.p99).padStart(4)} ms   errors ${max.errors}`,
    );
  }
  lines.push(
    ...maxLines,
    ...cpuLines,
    '',
    'peak RSS per process',
    ...processes.map((managed) => `  ${managed.name.padEnd(20)} ${peakRssMb(managed.child.pid)} MB`),
    `  bench driver         ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    '',
  );
  process.stdout.write(lines.join('\n'));
} finally {
  await stopBenchProcesses(processes);
  if (process.env.BENCH_KEEP !== '1') await removeSeededPartners(dataSource, seeded);
  await dataSource.destroy();
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
