import type jsforce from 'jsforce';
import { type DataSource } from '@concord/persistence';
import {
  exceptionsByAccount,
  flowCountsByAccount,
  type OnboardingScenario,
  type PlannedAccount,
  waitForSettled,
} from './onboarding-scenario.js';
import {
  type SalesforceAccountState,
  type ScenarioState,
  scenarioProblems,
} from './onboarding-scenario.assert.js';
import { type RunningSandbox, sandboxAdmin } from './sandbox.js';

/** Creates accounts in Salesforce through jsforce (collections of 200) and answers their IDs in order. */
export async function createSalesforceAccounts(
  sf: jsforce.Connection,
  accounts: readonly PlannedAccount[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < accounts.length; offset += 200) {
    const chunk = accounts.slice(offset, offset + 200).map((account) => account.fields);
    const results = await sf.sobject('Account').create(chunk, { allOrNone: true });
    for (const result of results) {
      if (!result.success) throw new Error(`Salesforce refused an account: ${JSON.stringify(result)}`);
      ids.push(result.id);
    }
  }
  return ids;
}

async function records<T>(url: string, type: string): Promise<T[]> {
  return (await sandboxAdmin<{ records: T[] }>(url, 'GET', `records/${type}`)).records;
}

/** What the three systems and Concord's tables hold for the scenario's accounts. */
export async function readScenarioState(
  sandbox: RunningSandbox,
  db: DataSource,
  ids: readonly string[],
  timeoutMs: number,
): Promise<ScenarioState> {
  const flows = await waitForSettled(db, ids, timeoutMs);
  const accounts = await records<SalesforceAccountState>(sandbox.urls.salesforce, 'Account');
  return {
    flows,
    accounts: new Map(
      accounts.filter((account) => !account.IsDeleted).map((account) => [account.Id, account]),
    ),
    erpCustomerNames: (await records<{ displayName: string }>(sandbox.urls.businessCentral, 'customers')).map(
      (customer) => customer.displayName,
    ),
    billingCustomerNames: (await records<{ name: string | null }>(sandbox.urls.stripe, 'customers')).map(
      (customer) => customer.name ?? '',
    ),
    exceptions: await exceptionsByAccount(db, ids),
    flowCounts: await flowCountsByAccount(db, ids),
  };
}

export interface ScenarioRun {
  ids: string[];
  state: ScenarioState;
  problems: string[];
}

export interface ScenarioHooks {
  /** After the existing customers are onboarded, before the run's accounts are created (faults). */
  beforeRun?: () => Promise<void>;
  /** While the run's accounts are being onboarded (kills, replays). */
  during?: () => Promise<void>;
}

/**
 * The whole scenario: the existing customers are created and onboarded first, then the 200 accounts of
 * the run, with the hooks around them.
 */
export async function runOnboardingScenario(
  scenario: OnboardingScenario,
  env: { sf: jsforce.Connection; sandbox: RunningSandbox; db: DataSource; timeoutMs: number },
  hooks: ScenarioHooks = {},
): Promise<ScenarioRun> {
  const existingIds = await createSalesforceAccounts(env.sf, scenario.existing);
  await waitForSettled(env.db, existingIds, env.timeoutMs);
  await hooks.beforeRun?.();
  const runIds = await createSalesforceAccounts(env.sf, scenario.run);
  await hooks.during?.();
  const ids = [...existingIds, ...runIds];
  const state = await readScenarioState(env.sandbox, env.db, ids, env.timeoutMs);
  return { ids, state, problems: scenarioProblems(scenario, ids, state) };
}
