import jsforce from 'jsforce';
import {
  type RunningSandbox,
  startSandbox,
  type StartSandboxOptions,
} from '../../apps/sandbox/src/sandbox.server.js';

export type { RunningSandbox } from '../../apps/sandbox/src/sandbox.server.js';

/** All three vendor sandboxes on free ports, seeded, for one test file. */
export function startTestSandbox(overrides: Partial<StartSandboxOptions> = {}): Promise<RunningSandbox> {
  return startSandbox({
    salesforcePort: 0,
    businessCentralPort: 0,
    stripePort: 0,
    host: '127.0.0.1',
    seed: true,
    ...overrides,
  });
}

/** Env that points system apps at a running sandbox. */
export function sandboxEnv(sandbox: RunningSandbox): NodeJS.ProcessEnv {
  return {
    SALESFORCE_URL: sandbox.urls.salesforce,
    BUSINESS_CENTRAL_URL: sandbox.urls.businessCentral,
    STRIPE_URL: sandbox.urls.stripe,
  };
}

/** Calls a sandbox admin route (`/__admin/...`). */
export async function sandboxAdmin<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}/__admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`sandbox admin ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Makes Business Central refuse the next customer it is asked to create, as a business validation. */
export function rejectNextErpCustomer(sandbox: RunningSandbox): Promise<unknown> {
  return sandboxAdmin(sandbox.urls.businessCentral, 'POST', 'faults', {
    route: 'POST /v2.0/*/customers',
    status: 400,
    count: 1,
    body: {
      error: {
        code: 'Application_FieldValidationException',
        message: 'The field VAT Registration No. of table Customer is blocked for this posting group.',
      },
    },
  });
}

/** The client-credentials grant every sandbox accepts (`concord` / `concord-secret`). */
async function clientCredentials<T>(tokenUrl: string, extra: Record<string, string> = {}): Promise<T> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'concord',
      client_secret: 'concord-secret',
      ...extra,
    }),
  });
  return (await response.json()) as T;
}

/** A Business Central sandbox access token, for tests that set up records through the vendor API. */
export async function businessCentralToken(baseUrl: string): Promise<string> {
  const answer = await clientCredentials<{ access_token: string }>(`${baseUrl}/concord/oauth2/v2.0/token`, {
    scope: 'https://api.businesscentral.dynamics.com/.default',
  });
  return answer.access_token;
}

/** A Salesforce sandbox session, for tests that set up records through the vendor API. */
export function salesforceToken(baseUrl: string): Promise<{ access_token: string; instance_url: string }> {
  return clientCredentials(`${baseUrl}/services/oauth2/token`);
}

/** jsforce logged in to the Salesforce sandbox with its client credentials, as a customer's org admin would. */
export async function salesforceConnection(sandbox: RunningSandbox): Promise<jsforce.Connection> {
  const conn = new jsforce.Connection({
    oauth2: { loginUrl: sandbox.urls.salesforce, clientId: 'concord', clientSecret: 'concord-secret' },
    version: '59.0',
  });
  await conn.authorize({ grant_type: 'client_credentials' });
  return conn;
}
