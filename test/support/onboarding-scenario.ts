import { type DataSource } from '@concord/persistence';
import { germanVatId, seededRandom, type SyntheticAccount, syntheticAccounts } from '@concord/testing';

/** What a scenario account is, and so how its onboarding must end. */
export type AccountKind = 'existing' | 'near-duplicate' | 'invalid-tax-id' | 'erp-rejected' | 'new';

export interface PlannedAccount {
  kind: AccountKind;
  fields: SyntheticAccount & { Tax_Id__c?: string };
  /** For a near-duplicate: the index of the existing account it duplicates. */
  duplicates?: number;
}

export interface OnboardingScenario {
  existing: PlannedAccount[];
  /** The 200 accounts of the run, in the order they are created. */
  run: PlannedAccount[];
}

/** The same number written the way people in that country often write it without the country code. */
function localFormat(phone: string): string {
  const [code, area, number] = phone.split(' ') as [string, string, string];
  if (code === '+1') return `(${area}) ${number.slice(0, 3)}-${number.slice(3)}`;
  if (code === '+44') return `0${area} ${number.slice(0, 3)} ${number.slice(3)}`;
  return `0${area} ${number}`;
}

/** Swaps two different neighbouring letters inside the first word, the typo of a name typed again. */
function typo(name: string): string {
  const end = name.indexOf(' ');
  for (let at = 2; at + 1 < end; at++) {
    if (name[at] !== name[at + 1]) return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
  }
  return `${name.slice(0, end)}e${name.slice(end)}`;
}

/** Near-duplicates the way they arrive in a CRM: a typo, a spelled-out suffix, another phone format. */
function nearDuplicate(original: PlannedAccount['fields'], index: number): PlannedAccount['fields'] {
  const phone = localFormat(original.Phone);
  switch (index % 4) {
    case 0:
      return { ...original, Name: typo(original.Name), Phone: phone };
    case 1:
      return { ...original, Name: original.Name.replace(/ Ltd$/, ' Limited'), Phone: phone, Website: '' };
    case 2:
      return { ...original, Name: typo(original.Name), Phone: phone, Website: '' };
    default:
      return { ...original, Name: `${original.Name.toUpperCase()}.`, Tax_Id__c: '' };
  }
}

/** A German VAT number whose check digit is wrong. */
function invalidVatId(seed: string): string {
  const valid = germanVatId(seed);
  const last = Number(valid.at(-1));
  return `${valid.slice(0, -1)}${(last + 1) % 10}`;
}

/**
 * 20 existing customers, then 200 new accounts: 20 near-duplicates of the existing ones, 10 with an
 * invalid tax ID, 5 whose name is longer than Business Central accepts (100 characters), 165 new.
 */
export function buildOnboardingScenario(seed: number): OnboardingScenario {
  const base = syntheticAccounts(200, seed);
  const german = (fields: SyntheticAccount) => fields.BillingCountry === 'DE';
  const existing = base.slice(0, 20).map((fields) => ({
    kind: 'existing' as const,
    fields: german(fields) ? { ...fields, Tax_Id__c: germanVatId(fields.Name) } : fields,
  }));
  const nearDuplicates = existing.map((original, index) => ({
    kind: 'near-duplicate' as const,
    fields: nearDuplicate(original.fields, index),
    duplicates: index,
  }));
  const germans = base.slice(20).filter(german);
  const invalidTaxIds = germans.slice(0, 10).map((fields) => ({
    kind: 'invalid-tax-id' as const,
    fields: { ...fields, Tax_Id__c: invalidVatId(fields.Name) },
  }));
  const erpRejected = germans.slice(10, 15).map((fields) => ({
    kind: 'erp-rejected' as const,
    fields: { ...fields, Name: `${fields.Name} Industrieanlagen und Sondermaschinenbau `.padEnd(120, 'x') },
  }));
  const used = new Set([...invalidTaxIds, ...erpRejected].map((account) => account.fields.Website));
  const fresh = base
    .slice(20)
    .filter((fields) => !used.has(fields.Website))
    .slice(0, 165)
    .map((fields) => ({ kind: 'new' as const, fields }));
  const run: PlannedAccount[] = [...nearDuplicates, ...invalidTaxIds, ...erpRejected, ...fresh];
  // Interleave the kinds, as a day's accounts arrive.
  const random = seededRandom(seed + 1);
  for (let i = run.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [run[i], run[j]] = [run[j]!, run[i]!];
  }
  return { existing, run };
}

export interface SettledFlow {
  crmAccountId: string;
  state: string;
  concordId: string;
}

const SETTLED = ['synced', 'rejected', 'review', 'failed'];

/** Polls until every account's latest onboarding has settled (synced, rejected, held for review, failed). */
export async function waitForSettled(
  db: DataSource,
  accountIds: readonly string[],
  timeoutMs: number,
): Promise<Map<string, SettledFlow>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: Array<{ crm_account_id: string; state: string; entity_id: string }> = await db.query(
      `SELECT DISTINCT ON (input->>'crmAccountId') input->>'crmAccountId' AS crm_account_id, state, entity_id
         FROM flow WHERE kind = 'customer-onboarding' AND input->>'crmAccountId' = ANY($1)
        ORDER BY input->>'crmAccountId', created_at DESC`,
      [accountIds],
    );
    const settled = rows.filter((row) => SETTLED.includes(row.state));
    if (settled.length === accountIds.length) {
      return new Map(
        settled.map((row) => [
          row.crm_account_id,
          { crmAccountId: row.crm_account_id, state: row.state, concordId: row.entity_id },
        ]),
      );
    }
    if (Date.now() > deadline) {
      const states = rows.reduce<Record<string, number>>((acc, row) => {
        acc[row.state] = (acc[row.state] ?? 0) + 1;
        return acc;
      }, {});
      throw new Error(
        `${settled.length} of ${accountIds.length} onboardings settled in time; flows by state: ${JSON.stringify(states)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Exception categories per CRM account, found through the flows' correlation IDs. */
export async function exceptionsByAccount(
  db: DataSource,
  accountIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows: Array<{ crm_account_id: string; category: string }> = await db.query(
    `SELECT f.input->>'crmAccountId' AS crm_account_id, e.category
       FROM sync_exception e JOIN flow f ON f.correlation_id = e.correlation_id
      WHERE f.kind = 'customer-onboarding' AND f.input->>'crmAccountId' = ANY($1)`,
    [accountIds],
  );
  const byAccount = new Map<string, string[]>();
  for (const row of rows)
    byAccount.set(row.crm_account_id, [...(byAccount.get(row.crm_account_id) ?? []), row.category]);
  return byAccount;
}

/** How many onboardings each CRM account started: more than one means a change was acted on twice. */
export async function flowCountsByAccount(
  db: DataSource,
  accountIds: readonly string[],
): Promise<Map<string, number>> {
  const rows: Array<{ crm_account_id: string; flows: number }> = await db.query(
    `SELECT input->>'crmAccountId' AS crm_account_id, count(*)::int AS flows FROM flow
      WHERE kind = 'customer-onboarding' AND input->>'crmAccountId' = ANY($1) GROUP BY 1`,
    [accountIds],
  );
  return new Map(rows.map((row) => [row.crm_account_id, row.flows]));
}
