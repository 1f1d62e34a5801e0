import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CredentialStore, ServiceTokenIssuer } from '@concord/governance';
import { connectDatabase, startEmbeddedPostgres } from '@concord/persistence';
import { QueueRuntime } from '@concord/queues';
import { freePort } from '@concord/testing';
import { type ClosedLoadResult, closedLoadInChild } from './support/closed-load.js';
import { pacedLoad, type PacedResult } from './support/paced-load.js';
import {
  type BenchProcess,
  cpuTimeMs,
  peakRssMb,
  startBenchProcess,
  startBenchSandbox,
  stopBenchProcesses,
} from './support/processes.js';

// bench:gateway — a bare Fastify route against an experience route that crosses the process and system
// layers (auth at each hop, query validation, logging, metrics), each app in its own process, with the
// vendor sandboxes up as in a deployment (the apps' background work, such as the CRM change feed, runs).
// Prints req/s, p50 and p99 of both, their ratio, the cost of each hop at a quarter of peak load,
// and the peak RSS of every process.

const distRoot = fileURLToPath(new URL('../', import.meta.url));
const duration = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);

type Measured = ClosedLoadResult;

function measure(url: string, headers: Record<string, string>, seconds = duration): Promise<Measured> {
  return closedLoadInChild(url, headers, connections, seconds);
}

const dataDir = await mkdtemp(join(tmpdir(), 'concord-bench-'));
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 0 });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
const processes: BenchProcess[] = [];

try {
  const dataSource = await connectDatabase({ url: databaseUrl, appName: 'bench', poolSize: 2 });
  const operator = await new CredentialStore(dataSource).createOperator(`bench-${Date.now()}`, 'viewer');
  await dataSource.destroy();
  await (await QueueRuntime.connect({ databaseUrl, redisUrl: process.env.REDIS_URL })).close();

  const ports = {
    bare: await freePort(),
    sf: await freePort(),
    bc: await freePort(),
    stripe: await freePort(),
    crm: await freePort(),
    onboarding: await freePort(),
    ops: await freePort(),
  };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    SALESFORCE_URL: url(ports.sf),
    BUSINESS_CENTRAL_URL: url(ports.bc),
    STRIPE_URL: url(ports.stripe),
  };
  processes.push(await startBenchSandbox(join(distRoot, 'apps/sandbox/src/main.js'), env, ports));
  processes.push(
    await startBenchProcess(
      'bare-fastify',
      join(distRoot, 'bench/support/bare-server.js'),
      { ...env, PORT: String(ports.bare) },
      url(ports.bare),
    ),
  );
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
      'process-onboarding',
      join(distRoot, 'apps/process-onboarding/src/main.js'),
      { ...env, PORT: String(ports.onboarding), SYSTEM_CRM_URL: url(ports.crm) },
      url(ports.onboarding),
    ),
  );
  processes.push(
    await startBenchProcess(
      'experience-ops',
      join(distRoot, 'apps/experience-ops/src/main.js'),
      { ...env, PORT: String(ports.ops), PROCESS_ONBOARDING_URL: url(ports.onboarding) },
      url(ports.ops),
    ),
  );

  const issuer = new ServiceTokenIssuer({
    secret: 'concord-development-service-token-secret',
    app: 'bench',
    ttlSeconds: 3600,
  });
  const chainUrl = `${url(ports.ops)}/v1/diagnostics/trace?path=process-onboarding,system-crm`;
  const operatorAuth = { authorization: `Bearer ${operator.apiKey}` };
  const targets = {
    bare: { url: `${url(ports.bare)}/bare`, headers: {} },
    oneHop: {
      url: `${url(ports.crm)}/v1/diagnostics/trace`,
      headers: { authorization: `Bearer ${await issuer.tokenFor('system')}` },
    },
    twoHops: {
      url: `${url(ports.onboarding)}/v1/diagnostics/trace?path=system-crm`,
      headers: { authorization: `Bearer ${await issuer.tokenFor('process')}` },
    },
    chain: { url: chainUrl, headers: operatorAuth },
  };

  process.stdout.write(
    `bench:gateway — ${duration} s per run, ${connections} connections, database: ${embedded ? 'embedded' : 'DATABASE_URL'}\n`,
  );
  await measure(targets.chain.url, targets.chain.headers, 2);
  await measure(targets.bare.url, {}, 2);
  const bare = await measure(targets.bare.url, {});
  const chainApps = processes.filter((managed) => !['bare-fastify', 'sandbox'].includes(managed.name));
  const cpuBefore = chainApps.map((managed) => cpuTimeMs(managed.child.pid));
  const chain = await measure(targets.chain.url, targets.chain.headers);
  const chainRequests = Math.max(1, chain.rps * duration);
  const cpuPerRequest = chainApps.map(
    (managed, i) =>
      `${managed.name} ${Math.round(((cpuTimeMs(managed.child.pid) - cpuBefore[i]!) * 1000) / chainRequests)} µs`,
  );
  const quarter = Math.max(1, Math.round(chain.rps / 4));
  const atQuarter = {
    one: await pacedLoad(targets.oneHop.url, targets.oneHop.headers, quarter, duration),
    two: await pacedLoad(targets.twoHops.url, targets.twoHops.headers, quarter, duration),
    three: await pacedLoad(targets.chain.url, targets.chain.headers, quarter, duration),
  };

  const paced = (label: string, m: PacedResult) =>
    `  ${label.padEnd(44)} ${String(m.sent).padStart(8)} sent    p50 ${m.p50.toFixed(2).padStart(6)} ms   p99 ${m.p99.toFixed(2).padStart(6)} ms   errors ${m.errors}`;
  const row = (label: string, m: Measured) =>
    `  ${label.padEnd(44)} ${String(m.rps).padStart(8)} req/s   p50 ${String(m.p50).padStart(4)} ms   p99 ${String(m.p99).padStart(4)} ms   errors ${m.errors}`;
  const lines = [
    '',
    'peak throughput',
    row('(a) bare Fastify route', bare),
    row('(b) experience → process → system (auth, validation, logs, metrics)', chain),
    `  ratio (b)/(a): ${((chain.rps / bare.rps) * 100).toFixed(1)} % (target ≥ 15 %)`,
    `  CPU per chain request: ${cpuPerRequest.join(', ')}`,
    '',
    `latency at a quarter of the chain's peak (${quarter} req/s)`,
    paced('system-crm alone (1 app)', atQuarter.one),
    paced('process-onboarding → system-crm (2 apps)', atQuarter.two),
    paced('experience-ops → process → system (3 apps)', atQuarter.three),
    `  added per hop at p50: ${((atQuarter.three.p50 - atQuarter.one.p50) / 2).toFixed(2)} ms (target < 1 ms)`,
    '',
    'peak RSS per process',
    ...processes.map((managed) => `  ${managed.name.padEnd(20)} ${peakRssMb(managed.child.pid)} MB`),
    `  bench driver         ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
} finally {
  await stopBenchProcesses(processes);
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
