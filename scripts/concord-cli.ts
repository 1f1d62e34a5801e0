import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type AdminActor,
  CredentialStore,
  type OperatorRole,
  PartnerAdminService,
} from '@concord/governance';
import { connectDatabase, startEmbeddedPostgres } from '@concord/persistence';
import { dataDir, readRuntimeInfo } from './runtime/runtime-file.js';

const USAGE = `usage:
  npm run concord -- partner create --name <name> --scopes <scope,scope>
  npm run concord -- partner revoke --id <partnerId>
  npm run concord -- partner issue-key --id <partnerId> --scopes <scope,scope>
  npm run concord -- partner list-keys --id <partnerId>
  npm run concord -- partner rotate-key --id <partnerId> --key-id <keyId> [--overlap-hours 24]
  npm run concord -- partner issue-client --id <partnerId> --scopes <scope,scope>
  npm run concord -- operator create --name <name> --role viewer|steward|admin
  npm run concord -- operator revoke --id <operatorId>`;

const ROLES: OperatorRole[] = ['viewer', 'steward', 'admin'];
const KEY_ACTIONS = ['issue-key', 'list-keys', 'rotate-key', 'issue-client'];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/**
 * Reaches the same database as the running apps: DATABASE_URL when set, else the embedded database
 * of a running `npm start`, else the embedded data directory opened directly.
 */
async function openDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const running = await readRuntimeInfo();
  if (running) return { url: running.databaseUrl, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir(), 'pglite'), port: 0 });
  return { url: embedded.url, stop: () => embedded.stop() };
}

const [subject, action, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    name: { type: 'string' },
    scopes: { type: 'string' },
    role: { type: 'string' },
    id: { type: 'string' },
    'key-id': { type: 'string' },
    'overlap-hours': { type: 'string' },
  },
  strict: true,
});

if (
  !subject ||
  !action ||
  !['partner', 'operator'].includes(subject) ||
  !['create', 'revoke', ...(subject === 'partner' ? KEY_ACTIONS : [])].includes(action)
)
  fail(USAGE);

const CLI_ACTOR: AdminActor = { type: 'cli', id: process.env.USER ?? 'cli' };

function scopesOf(raw: string | undefined): string[] {
  return (raw ?? 'customers:read')
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
}

/** Key administration, audited like the ops API; the new key is printed once. */
async function keyAction(admin: PartnerAdminService, name: string): Promise<Record<string, unknown>> {
  if (!values.id) fail(`partner ${name} needs --id <partnerId>`);
  if (name === 'issue-key') {
    const issued = await admin.issueKey(values.id, scopesOf(values.scopes), CLI_ACTOR);
    return { keyId: issued.key.id, apiKey: issued.apiKey, scopes: issued.key.scopes };
  }
  if (name === 'list-keys') return { keys: await admin.listCredentials(values.id) };
  if (name === 'issue-client') {
    const issued = await admin.issueOAuthClient(values.id, scopesOf(values.scopes), CLI_ACTOR);
    return { clientId: issued.clientId, clientSecret: issued.clientSecret, scopes: issued.client.scopes };
  }
  if (!values['key-id']) fail('partner rotate-key needs --key-id <keyId>');
  const hours = Number(values['overlap-hours'] ?? '24');
  if (!Number.isFinite(hours) || hours < 0 || hours > 720) fail('--overlap-hours must be between 0 and 720');
  const rotated = await admin.rotateKey(values.id, values['key-id'], Math.round(hours * 3600), CLI_ACTOR);
  return { keyId: rotated.key.id, apiKey: rotated.apiKey, previousKeyExpiresAt: rotated.previous.expiresAt };
}

const database = await openDatabase();
try {
  const dataSource = await connectDatabase({ url: database.url, appName: 'concord-cli', poolSize: 1 });
  try {
    const store = new CredentialStore(dataSource);
    let result: Record<string, unknown>;
    if (KEY_ACTIONS.includes(action)) {
      result = await keyAction(new PartnerAdminService(dataSource), action);
    } else if (action === 'create' && subject === 'partner') {
      if (!values.name) fail('partner create needs --name');
      result = await store.createPartner(values.name, scopesOf(values.scopes));
    } else if (action === 'create') {
      if (!values.name) fail('operator create needs --name');
      const role = (values.role ?? 'viewer') as OperatorRole;
      if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
      result = await store.createOperator(values.name, role);
    } else {
      if (!values.id) fail(`${subject} revoke needs --id`);
      const revokedKeys = await store.revokePrincipal(subject as 'partner' | 'operator', values.id);
      result = { [`${subject}Id`]: values.id, revoked: true, revokedKeys };
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await database.stop();
}
