import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@concord/persistence';
import { type AppDefinition, bootApp } from '@concord/platform';
import { EXPERIENCE_OPS_APP } from '../apps/experience-ops/src/experience-ops.module.js';
import { EXPERIENCE_PARTNER_APP } from '../apps/experience-partner/src/experience-partner.module.js';
import { PROCESS_ACTIVATION_APP } from '../apps/process-activation/src/process-activation.module.js';
import { PROCESS_ONBOARDING_APP } from '../apps/process-onboarding/src/process-onboarding.module.js';
import { PROCESS_RECONCILIATION_APP } from '../apps/process-reconciliation/src/process-reconciliation.module.js';
import { SYSTEM_BILLING_APP } from '../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../apps/system-erp/src/system-erp.module.js';

// Writes openapi/<app>.json from the running code; with --check, fails when a committed document is stale.

const definitions: AppDefinition[] = [
  EXPERIENCE_PARTNER_APP,
  EXPERIENCE_OPS_APP,
  PROCESS_ONBOARDING_APP,
  PROCESS_ACTIVATION_APP,
  PROCESS_RECONCILIATION_APP,
  SYSTEM_CRM_APP,
  SYSTEM_ERP_APP,
  SYSTEM_BILLING_APP,
];
const check = process.argv.includes('--check');
const outDir = join(process.cwd(), 'openapi');

// The documents depend on code only; an embedded database keeps this runnable without a server.
const dataDir = join(tmpdir(), `concord-openapi-${process.pid}`);
const database = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 0 });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: 'warn',
  DATABASE_URL: process.env.DATABASE_URL ?? database!.url,
};
delete env.REDIS_URL;

const stale: string[] = [];
try {
  await mkdir(outDir, { recursive: true });
  for (const definition of definitions) {
    const running = await bootApp(definition, { env, listen: false });
    const text = `${JSON.stringify(running.document, null, 2)}\n`;
    await running.close();
    const file = join(outDir, `${definition.name}.json`);
    if (check) {
      const committed = await readFile(file, 'utf8').catch(() => '');
      if (committed !== text) stale.push(file);
    } else {
      await writeFile(file, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
} finally {
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
}

if (stale.length > 0) {
  process.stderr.write(
    `OpenAPI documents are out of date; run \`npm run openapi\` and commit:\n  ${stale.join('\n  ')}\n`,
  );
  process.exit(1);
}
if (check) process.stdout.write('openapi: all documents are current\n');
