import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

describe('sandbox main', () => {
  it('logs one JSON line per listening server and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        SANDBOX_SALESFORCE_PORT: '0',
        SANDBOX_BUSINESS_CENTRAL_PORT: '0',
        SANDBOX_STRIPE_PORT: '0',
        SANDBOX_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const listening: { vendor: string; url: string }[] = [];
      for await (const line of lines) {
        const entry = JSON.parse(line) as { msg?: string; vendor: string; url: string };
        if (entry.msg === 'sandbox listening') listening.push(entry);
        if (listening.length === 3) break;
      }
      assert.deepEqual(listening.map((entry) => entry.vendor).sort(), [
        'businessCentral',
        'salesforce',
        'stripe',
      ]);
      for (const { url } of listening) {
        const health = await fetch(`${url}/health/live`);
        assert.deepEqual(await health.json(), { status: 'ok' });
      }
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
