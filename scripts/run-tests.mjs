// Runs the test suites with Node's test runner against the compiled tree.
// Kinds: unit (*.spec), integration (*.int-spec), e2e (*.e2e-spec), conformance (*.conformance-spec)
// and chaos (*.chaos-spec).
// `--only <kind>[,<kind>]` narrows the run; files run one process each, a few at a time.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kinds = {
  unit: /\.spec\.js$/,
  integration: /\.int-spec\.js$/,
  e2e: /\.e2e-spec\.js$/,
  conformance: /\.conformance-spec\.js$/,
  chaos: /\.chaos-spec\.js$/,
};
const onlyIndex = process.argv.indexOf('--only');
const selected = onlyIndex > 0 ? process.argv[onlyIndex + 1].split(',') : Object.keys(kinds);
const filter = process.argv.includes('--grep') ? process.argv[process.argv.indexOf('--grep') + 1] : undefined;

// Integration and e2e tests use a dedicated database on the local server unless DATABASE_URL names one.
async function ensureTestDatabase() {
  if (process.env.DATABASE_URL) return;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await admin.connect();
    const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'concord_test'`);
    if (rows.length === 0) await admin.query('CREATE DATABASE concord_test');
  } catch (error) {
    console.error(
      `PostgreSQL at 127.0.0.1:5432 is needed for integration tests (or set DATABASE_URL): ${error.message}`,
    );
    process.exit(1);
  } finally {
    await admin.end().catch(() => undefined);
  }
}
if (selected.some((kind) => kind !== 'unit')) await ensureTestDatabase();

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else yield full;
  }
}

const files = [];
for await (const file of walk(join(root, 'dist'))) {
  if (filter && !file.includes(filter)) continue;
  if (selected.some((kind) => kinds[kind]?.test(file))) files.push(file);
}
files.sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } },
);
process.exit(result.status ?? 1);
