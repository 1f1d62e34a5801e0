import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPS, type AppName, SANDBOX_PORTS } from '@concord/platform';
import { prepareStores } from './runtime/database.js';
import { clearRuntimeInfo, dataDir, writeRuntimeInfo } from './runtime/runtime-file.js';
import { type ManagedProcess, startProcess, stopAll, waitUntilReady } from './runtime/supervisor.js';

// Starts the whole product on one machine: the vendor sandboxes, every app, and (unless
// DATABASE_URL is set) an embedded PostgreSQL. Ctrl-C stops everything.

const distRoot = join(fileURLToPath(import.meta.url), '..', '..');
const env = process.env;
const offset = Number(env.CONCORD_PORT_OFFSET ?? 0);
const host = env.HOST ?? '127.0.0.1';
const logToTerminal = env.CONCORD_LOG_STDOUT === '1';
const layerOrder: AppName[] = [
  'system-crm',
  'system-erp',
  'system-billing',
  'process-onboarding',
  'process-activation',
  'process-reconciliation',
  'experience-partner',
  'experience-ops',
];

function fail(message: string): never {
  process.stderr.write(`\nConcord could not start: ${message}\n`);
  process.exit(1);
}

if (!Number.isInteger(offset) || offset < 0 || offset > 60000)
  fail('CONCORD_PORT_OFFSET must be an integer between 0 and 60000');

const port = (base: number) => base + offset;
const appUrl = (name: AppName) => `http://${host}:${port(APPS[name].port)}`;
const sandboxUrls = {
  salesforce: `http://${host}:${port(SANDBOX_PORTS.salesforce)}`,
  businessCentral: `http://${host}:${port(SANDBOX_PORTS.businessCentral)}`,
  stripe: `http://${host}:${port(SANDBOX_PORTS.stripe)}`,
};

const stores = await prepareStores(env, port(5433)).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
for (const warning of stores.warnings) process.stderr.write(`warning: ${warning}\n`);

const sharedEnv: NodeJS.ProcessEnv = {
  ...env,
  DATABASE_URL: stores.databaseUrl,
  HOST: host,
  SALESFORCE_URL: sandboxUrls.salesforce,
  BUSINESS_CENTRAL_URL: sandboxUrls.businessCentral,
  STRIPE_URL: sandboxUrls.stripe,
  ...Object.fromEntries(layerOrder.map((name) => [APPS[name].urlEnv, appUrl(name)])),
};
if (stores.redisUrl) sharedEnv.REDIS_URL = stores.redisUrl;
else delete sharedEnv.REDIS_URL;

const logDir = join(dataDir(env), 'logs');
const processes: ManagedProcess[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    process.stdout.write('\nStopping Concord…\n');
    await stopAll([...processes].reverse());
    await stores.embedded?.stop();
    await clearRuntimeInfo();
    process.stdout.write('Stopped.\n');
  }
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  const sandbox = startProcess(
    'sandbox',
    join(distRoot, 'apps/sandbox/src/main.js'),
    {
      ...sharedEnv,
      SANDBOX_HOST: host,
      SANDBOX_SALESFORCE_PORT: String(port(SANDBOX_PORTS.salesforce)),
      SANDBOX_BUSINESS_CENTRAL_PORT: String(port(SANDBOX_PORTS.businessCentral)),
      SANDBOX_STRIPE_PORT: String(port(SANDBOX_PORTS.stripe)),
    },
    logDir,
    logToTerminal,
  );
  processes.push(sandbox);
  await waitUntilReady(sandbox, `${sandboxUrls.salesforce}/health/live`, 30_000);
  // Each layer waits for the one below, so the first request a user sends finds every app ready.
  for (const layer of ['system', 'process', 'experience'] as const) {
    const started = layerOrder
      .filter((name) => APPS[name].layer === layer)
      .map((name) => {
        const managed = startProcess(
          name,
          join(distRoot, `apps/${name}/src/main.js`),
          { ...sharedEnv, PORT: String(port(APPS[name].port)) },
          logDir,
          logToTerminal,
        );
        processes.push(managed);
        return { name, managed };
      });
    await Promise.all(
      started.map(({ name, managed }) => waitUntilReady(managed, `${appUrl(name)}/health/ready`, 60_000)),
    );
  }
} catch (error) {
  process.stderr.write(
    `\nConcord could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  await shutdown(1);
}

await writeRuntimeInfo({
  pid: process.pid,
  databaseUrl: stores.databaseUrl,
  embedded: !!stores.embedded,
  startedAt: new Date().toISOString(),
});

for (const managed of processes) {
  managed.child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `\n${managed.name} stopped unexpectedly (${signal ?? `exit ${code}`}); see ${managed.logFile}\n`,
    );
    void shutdown(1);
  });
}

const rows = layerOrder.map((name) => {
  const url = appUrl(name);
  return `  ${name.padEnd(24)} ${url.padEnd(24)} ${`${url}/docs`.padEnd(30)} ${url}/metrics`;
});
process.stdout.write(
  [
    '',
    `Concord is running (${stores.embedded ? 'embedded PostgreSQL' : 'PostgreSQL from DATABASE_URL'}, jobs on ${stores.redisUrl ? 'Redis' : 'PostgreSQL'}).`,
    '',
    `  ${'app'.padEnd(24)} ${'API'.padEnd(24)} ${'Swagger UI'.padEnd(30)} metrics`,
    ...rows,
    '',
    `  sandbox: Salesforce ${sandboxUrls.salesforce}  Business Central ${sandboxUrls.businessCentral}  Stripe ${sandboxUrls.stripe}`,
    `  logs: ${logDir}`,
    '',
    'Create a partner key:  npm run concord -- partner create --name "Acme Portal" --scopes customers:read,customers:write',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);
