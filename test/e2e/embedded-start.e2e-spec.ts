import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const distRoot = fileURLToPath(new URL('../../', import.meta.url));
// A distinct port range so this stack never meets a developer's running `npm start` or other tests.
const offset = 20000 + Math.floor(Math.random() * 200) * 150;

function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONCORD_DATA_DIR: dataDir,
    CONCORD_PORT_OFFSET: String(offset),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

describe('npm start on embedded defaults (no DATABASE_URL, no REDIS_URL)', () => {
  let dataDir: string;
  let product: ChildProcess;
  let output = '';
  const partner = `http://127.0.0.1:${3000 + offset}`;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'concord-embedded-'));
    product = spawn(process.execPath, [join(distRoot, 'scripts/start.js')], {
      env: embeddedEnv(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    product.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    product.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 180_000;
    while (!output.includes('Press Ctrl-C')) {
      if (product.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start was not ready in time:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  after(async () => {
    if (product.exitCode === null) product.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints every app with its API, Swagger UI and metrics URLs', () => {
    for (const app of [
      'experience-partner',
      'experience-ops',
      'process-onboarding',
      'system-crm',
      'system-erp',
      'system-billing',
    ]) {
      assert.match(
        output,
        new RegExp(
          `${app}\\s+http://127\\.0\\.0\\.1:\\d+\\s+http://127\\.0\\.0\\.1:\\d+/docs\\s+http://127\\.0\\.0\\.1:\\d+/metrics`,
        ),
      );
    }
    assert.match(output, /embedded PostgreSQL/);
  });

  it('serves a partner created by the CLI through all three layers', async () => {
    const cli = spawnSync(
      process.execPath,
      [
        join(distRoot, 'scripts/concord-cli.js'),
        'partner',
        'create',
        '--name',
        'Embedded Portal',
        '--scopes',
        'customers:read,customers:write',
      ],
      {
        env: embeddedEnv(dataDir),
        encoding: 'utf8',
      },
    );
    assert.equal(cli.status, 0, cli.stderr);
    const { apiKey } = JSON.parse(cli.stdout.trim()) as { apiKey: string };
    const status = await fetch(`${partner}/v1/status`, {
      headers: { authorization: `Bearer ${apiKey}`, 'x-correlation-id': 'embedded-e2e' },
    });
    assert.equal(status.status, 200);
    assert.equal(status.headers.get('x-correlation-id'), 'embedded-e2e');
    assert.deepEqual(await status.json(), {
      status: 'operational',
      capabilities: { onboarding: 'operational', activation: 'operational', reconciliation: 'operational' },
    });
    const validated = await fetch(`${partner}/v1/customers/validate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Contoso GmbH', country: 'DE', taxId: 'DE136695976', currency: 'EUR' }),
    });
    assert.equal(validated.status, 200);
  });

  it('stops every process cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => product.once('exit', (code) => resolve(code)));
    product.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.match(output, /Stopped\./);
    await assert.rejects(fetch(`${partner}/health/live`, { signal: AbortSignal.timeout(2000) }));
  });
});
