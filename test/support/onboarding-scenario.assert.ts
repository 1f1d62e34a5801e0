import { type OnboardingScenario, type PlannedAccount, type SettledFlow } from './onboarding-scenario.js';

export interface SalesforceAccountState {
  Id: string;
  Name: string;
  Concord_Sync_Status__c?: string | null;
  Concord_Sync_Message__c?: string | null;
  ERP_Customer_Number__c?: string | null;
  Billing_Customer_Id__c?: string | null;
  IsDeleted?: boolean;
}

export interface ScenarioState {
  accounts: Map<string, SalesforceAccountState>;
  erpCustomerNames: string[];
  billingCustomerNames: string[];
  flows: Map<string, SettledFlow>;
  exceptions: Map<string, string[]>;
  flowCounts: Map<string, number>;
}

const count = (names: readonly string[], name: string) =>
  names.filter((candidate) => candidate === name).length;

/**
 * Every way the systems disagree with what the scenario should have produced; empty when the run is
 * right. `ids[i]` is the Salesforce ID of `[...existing, ...run][i]`.
 */
export function scenarioProblems(
  scenario: OnboardingScenario,
  ids: readonly string[],
  state: ScenarioState,
): string[] {
  const problems: string[] = [];
  const planned = [...scenario.existing, ...scenario.run];
  const check = (account: PlannedAccount, id: string) => {
    const where = `${account.kind} "${account.fields.Name.slice(0, 40)}" (${id})`;
    const sf = state.accounts.get(id);
    const exceptions = state.exceptions.get(id) ?? [];
    const erp = count(state.erpCustomerNames, account.fields.Name);
    const billing = count(state.billingCustomerNames, account.fields.Name);
    const fail = (what: string) => problems.push(`${where}: ${what}`);
    if (!sf) return fail('missing from Salesforce');
    const flows = state.flowCounts.get(id) ?? 0;
    if (flows !== 1) fail(`${flows} onboardings started, expected one`);
    const status = sf.Concord_Sync_Status__c;
    const message = sf.Concord_Sync_Message__c ?? '';
    switch (account.kind) {
      case 'existing':
      case 'new':
        if (status !== 'Synced') fail(`status ${status} (${message})`);
        if (!sf.ERP_Customer_Number__c || !sf.Billing_Customer_Id__c)
          fail('ERP number or billing ID not written back');
        if (erp !== 1 || billing !== 1)
          fail(`${erp} ERP and ${billing} billing customers, expected one each`);
        if (exceptions.length > 0) fail(`unexpected exceptions ${exceptions.join(', ')}`);
        return;
      case 'near-duplicate': {
        const original = state.accounts.get(ids[account.duplicates!]!);
        if (erp !== 0 || billing !== 0)
          fail(`created ${erp} ERP and ${billing} billing customers of its own`);
        if (status === 'Synced') {
          if (!message.includes('Linked to existing customer'))
            fail(`synced without naming the customer: ${message}`);
          if (sf.ERP_Customer_Number__c !== original?.ERP_Customer_Number__c)
            fail('not linked to its original');
          if (exceptions.length > 0) fail(`linked, yet exceptions ${exceptions.join(', ')}`);
        } else if (status === 'Review') {
          if (exceptions.join() !== 'duplicate-review')
            fail(`held with exceptions [${exceptions.join(', ')}]`);
        } else fail(`status ${status} (${message})`);
        return;
      }
      case 'invalid-tax-id':
        if (status !== 'Rejected' || !message.includes('taxId')) fail(`status ${status} (${message})`);
        if (erp + billing > 0) fail('reached the ERP or billing');
        if (exceptions.join() !== 'validation') fail(`exceptions [${exceptions.join(', ')}]`);
        return;
      case 'erp-rejected':
        if (status !== 'Rejected' || !message.includes('ERP')) fail(`status ${status} (${message})`);
        if (erp + billing > 0) fail('reached the ERP or billing');
        if (exceptions.join() !== 'rejected-by-target') fail(`exceptions [${exceptions.join(', ')}]`);
        return;
    }
  };
  planned.forEach((account, index) => check(account, ids[index]!));
  const expectedErp = planned.filter(
    (account) => account.kind === 'existing' || account.kind === 'new',
  ).length;
  if (state.erpCustomerNames.length !== expectedErp)
    problems.push(`${state.erpCustomerNames.length} ERP customers, expected ${expectedErp}`);
  if (state.accounts.size !== planned.length)
    problems.push(`${state.accounts.size} Salesforce accounts, expected ${planned.length}`);
  if (state.billingCustomerNames.length !== expectedErp)
    problems.push(`${state.billingCustomerNames.length} billing customers, expected ${expectedErp}`);
  return problems;
}
