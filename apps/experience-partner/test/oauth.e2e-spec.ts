import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CredentialStore } from '@concord/governance';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { testDatabaseUrl, uniqueId } from '@concord/testing';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { EXPERIENCE_OPS_APP } from '../../experience-ops/src/experience-ops.module.js';
import { EXPERIENCE_PARTNER_APP } from '../src/experience-partner.module.js';

interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}
interface OAuthError {
  error: string;
  error_description: string;
}

const distRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const TTL = 120;

describe('OAuth2 client credentials for partners', () => {
  let stack: Stack;
  let dataSource: DataSource;
  let adminKey = '';
  let partnerId = '';
  const client = { id: '', secret: '' };

  before(async () => {
    stack = await bootStack([EXPERIENCE_PARTNER_APP, EXPERIENCE_OPS_APP], {
      PARTNER_TOKEN_TTL_SECONDS: String(TTL),
    });
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'e2e-oauth', poolSize: 2 });
    adminKey = (await new CredentialStore(dataSource).createOperator(uniqueId('oauth-admin-'), 'admin'))
      .apiKey;
    const created = await ops('/v1/partners', { name: uniqueId('OAuth Portal ') });
    partnerId = ((await created.json()) as { id: string }).id;
    const issued = await ops(`/v1/partners/${partnerId}/oauth-clients`, {
      scopes: ['customers:read', 'customers:write'],
    });
    assert.equal(issued.status, 201);
    const body = (await issued.json()) as { clientId: string; clientSecret: string; kind: string };
    assert.equal(body.kind, 'oauth_client');
    client.id = body.clientId;
    client.secret = body.clientSecret;
  });

  after(async () => {
    await stack.close();
    await dataSource.destroy();
  });

  function ops(path: string, body: unknown): Promise<Response> {
    return fetch(`${stack.url('experience-ops')}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminKey}`,
        'idempotency-key': uniqueId('idem-'),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  }
  const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${stack.url('experience-partner')}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  const partnerApi = (accessToken: string, path = '/v1/webhook-endpoints', method = 'GET') =>
    fetch(`${stack.url('experience-partner')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(method === 'POST'
          ? { 'content-type': 'application/json', 'idempotency-key': uniqueId('i-') }
          : {}),
      },
      body:
        method === 'POST'
          ? JSON.stringify({ url: 'https://example.com/hook', eventTypes: ['customer.onboarding.completed'] })
          : null,
    });
  const basic = (id: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
  });

  it('answers an RFC 6749 token response that the partner API accepts like an API key', async () => {
    const response = await token({
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const answer = (await response.json()) as TokenAnswer;
    assert.equal(answer.token_type, 'Bearer');
    assert.equal(answer.expires_in, TTL);
    assert.equal(answer.scope, 'customers:read customers:write');
    const listed = await partnerApi(answer.access_token);
    assert.equal(listed.status, 200);
    assert.equal(
      listed.headers.get('ratelimit-limit'),
      '100',
      'token callers are rate limited like key callers',
    );
    const created = await partnerApi(answer.access_token, '/v1/webhook-endpoints', 'POST');
    assert.equal(created.status, 201);
    const mine = (await (await partnerApi(answer.access_token)).json()) as { items: Array<{ url: string }> };
    assert.deepEqual(
      mine.items.map((item) => item.url),
      ['https://example.com/hook'],
      'scoped to its partner',
    );
  });

  it('authenticates with HTTP Basic and narrows the scope on request', async () => {
    const response = await token(
      { grant_type: 'client_credentials', scope: 'customers:read' },
      basic(client.id, client.secret),
    );
    assert.equal(response.status, 200);
    const answer = (await response.json()) as TokenAnswer;
    assert.equal(answer.scope, 'customers:read');
    assert.equal((await partnerApi(answer.access_token)).status, 200);
    const customers = await fetch(`${stack.url('experience-partner')}/v1/customers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${answer.access_token}`,
        'content-type': 'application/json',
        'idempotency-key': uniqueId('i-'),
      },
      body: JSON.stringify({ name: 'Contoso GmbH', country: 'DE', currency: 'EUR' }),
    });
    assert.equal(customers.status, 403, 'a narrowed token lacks customers:write');
  });

  it('answers RFC 6749 errors', async () => {
    const cases: Array<[Record<string, string>, Record<string, string>, number, string]> = [
      [
        {
          grant_type: 'client_credentials',
          client_id: client.id,
          client_secret: `${client.secret.slice(0, -1)}x`,
        },
        {},
        401,
        'invalid_client',
      ],
      [{ grant_type: 'client_credentials' }, {}, 401, 'invalid_client'],
      [
        { grant_type: 'password', client_id: client.id, client_secret: client.secret },
        {},
        400,
        'unsupported_grant_type',
      ],
      [{ client_id: client.id, client_secret: client.secret }, {}, 400, 'invalid_request'],
      [
        { grant_type: 'client_credentials', scope: 'customers:read admin' },
        basic(client.id, client.secret),
        400,
        'invalid_scope',
      ],
      [
        { grant_type: 'client_credentials', client_id: client.id },
        basic(client.id, client.secret),
        400,
        'invalid_request',
      ],
    ];
    for (const [form, headers, status, error] of cases) {
      const response = await token(form, headers);
      assert.equal(response.status, status, `${error}: ${JSON.stringify(form)}`);
      const body = (await response.json()) as OAuthError;
      assert.equal(body.error, error);
      assert.equal(typeof body.error_description, 'string');
    }
    const wrongBasic = await token({ grant_type: 'client_credentials' }, basic(client.id, 'ccs_nope'));
    assert.equal(wrongBasic.status, 401);
    assert.match(wrongBasic.headers.get('www-authenticate') ?? '', /^Basic/);
    const tampered = (await (
      await token({ grant_type: 'client_credentials' }, basic(client.id, client.secret))
    ).json()) as TokenAnswer;
    assert.equal((await partnerApi(`${tampered.access_token.slice(0, -2)}xx`)).status, 401);
  });

  it('stops issuing tokens to a revoked client, and issues clients from the CLI', async () => {
    const cli = spawnSync(
      process.execPath,
      [
        join(distRoot, 'scripts/concord-cli.js'),
        'partner',
        'issue-client',
        '--id',
        partnerId,
        '--scopes',
        'customers:read',
      ],
      { env: { ...process.env, DATABASE_URL: testDatabaseUrl() }, encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout.trim()) as { clientId: string; clientSecret: string };
    const granted = await token(
      { grant_type: 'client_credentials' },
      basic(printed.clientId, printed.clientSecret),
    );
    assert.equal(((await granted.json()) as TokenAnswer).scope, 'customers:read');

    const keys = (await (
      await fetch(`${stack.url('experience-ops')}/v1/partners/${partnerId}/keys`, {
        headers: { authorization: `Bearer ${adminKey}` },
      })
    ).json()) as { items: Array<{ id: string; hint: string }> };
    const entry = keys.items.find((item) => item.hint === printed.clientId);
    assert.ok(entry, 'clients are listed with the keys, by client ID');
    assert.equal((await ops(`/v1/partners/${partnerId}/keys/${entry.id}/revoke`, {})).status, 200);
    const refused = await token(
      { grant_type: 'client_credentials' },
      basic(printed.clientId, printed.clientSecret),
    );
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as OAuthError).error, 'invalid_client');
  });
});
