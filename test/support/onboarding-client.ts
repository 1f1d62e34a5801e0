import assert from 'node:assert/strict';
import { uniqueId } from '@concord/testing';
import { type RunningSandbox, sandboxAdmin } from './sandbox.js';
import { type Stack } from './stack.js';

export interface Step {
  name: string;
  outcome: string;
  attempt: number;
  detail: Record<string, unknown>;
}
export interface Onboarding {
  onboardingId: string;
  concordId: string;
  state: string;
  steps: Step[];
}
export interface Accepted {
  onboardingId: string;
  concordId: string;
  status: string;
}
export interface SfAccount {
  Id: string;
  Name: string;
  Concord_Id__c?: string | null;
  Concord_Sync_Status__c?: string | null;
  Concord_Sync_Message__c?: string | null;
  ERP_Customer_Number__c?: string | null;
  Billing_Customer_Id__c?: string | null;
  IsDeleted?: boolean;
}

const STOPPED = ['synced', 'rejected', 'failed'];

/** Drives process-onboarding over HTTP and reads what the sandboxes hold, for the saga's e2e tests. */
export function onboardingClient(stack: Stack, sandbox: RunningSandbox, auth: string) {
  const base = () => stack.url('process-onboarding');
  const start = (body: unknown, key = uniqueId('onb-')) =>
    fetch(`${base()}/v1/onboardings`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  const post = (path: string, body: unknown) =>
    fetch(`${base()}${path}`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const read = async (id: string): Promise<Onboarding> => {
    const response = await fetch(`${base()}/v1/onboardings/${id}`, { headers: { authorization: auth } });
    assert.equal(response.status, 200);
    return (await response.json()) as Onboarding;
  };
  /** Polls until the flow reaches one of `states` (a state it stays in); fails after `timeoutMs`. */
  const settle = async (id: string, states = STOPPED, timeoutMs = 25_000): Promise<Onboarding> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const flow = await read(id);
      if (states.includes(flow.state)) return flow;
      if (Date.now() > deadline)
        assert.fail(`onboarding ${id} still ${flow.state}: ${JSON.stringify(flow.steps)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const accept = async (body: unknown): Promise<Accepted> => {
    const response = await start(body);
    assert.equal(response.status, 202);
    return (await response.json()) as Accepted;
  };
  const onboard = async (body: unknown, states = STOPPED): Promise<Onboarding> =>
    settle((await accept(body)).onboardingId, states);
  const records = async <T>(url: string, type: string): Promise<T[]> =>
    (await sandboxAdmin<{ records: T[] }>(url, 'GET', `records/${type}`)).records;
  const accounts = async () =>
    (await records<SfAccount>(sandbox.urls.salesforce, 'Account')).filter((a) => !a.IsDeleted);
  const accountsNamed = async (name: string) => (await accounts()).filter((a) => a.Name === name);
  const erpCustomers = () =>
    records<{ id: string; number: string; displayName: string }>(sandbox.urls.businessCentral, 'customers');
  const erpCustomersNamed = async (name: string) =>
    (await erpCustomers()).filter((record) => record.displayName === name);
  const billingCustomers = () => records<{ id: string; name: string }>(sandbox.urls.stripe, 'customers');
  const billingCustomersNamed = async (name: string) =>
    (await billingCustomers()).filter((record) => record.name === name);
  return {
    start,
    post,
    read,
    settle,
    accept,
    onboard,
    records,
    accounts,
    accountsNamed,
    erpCustomers,
    erpCustomersNamed,
    billingCustomers,
    billingCustomersNamed,
  };
}

export const stepOf = (flow: Onboarding, name: string): Step | undefined =>
  flow.steps.find((step) => step.name === name);
