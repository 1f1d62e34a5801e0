import {
  type ContractChangeDto,
  type ContractRecordV1,
  ContractStatus,
  type OpportunityChangeDto,
  type OpportunityLineV1,
  type OpportunityRecordV1,
} from '@concord/contracts';
import { toMoney } from './salesforce-product.mappers.js';
import { toIsoInstant } from './salesforce.mappers.js';
import {
  type SalesforceContract,
  type SalesforceOpportunity,
  type SalesforceOpportunityLine,
  type SalesReferences,
} from './salesforce-sales.types.js';

/** Salesforce's corporate currency, which a record without `CurrencyIsoCode` is in. */
const CORPORATE_CURRENCY = 'USD';

const CONTRACT_STATUS: Record<string, ContractStatus> = {
  Draft: ContractStatus.Draft,
  'In Approval Process': ContractStatus.InApproval,
  Activated: ContractStatus.Activated,
};

const present = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function fromLine(
  line: SalesforceOpportunityLine,
  currency: string,
  refs: SalesReferences,
): OpportunityLineV1 {
  return {
    externalId: line.Id,
    product: { crmProductId: line.Product2Id, ...present('sku', refs.skuByProduct.get(line.Product2Id)) },
    quantity: line.Quantity,
    unitPrice: toMoney(line.UnitPrice, currency),
    totalPrice: toMoney(line.TotalPrice, currency),
    ...present('serviceDate', line.ServiceDate),
  };
}

export function fromOpportunity(
  row: SalesforceOpportunity,
  lines: SalesforceOpportunityLine[],
  refs: SalesReferences,
): OpportunityRecordV1 {
  const currency = row.CurrencyIsoCode ?? CORPORATE_CURRENCY;
  return {
    externalId: row.Id,
    accountExternalId: row.AccountId ?? '',
    ...present('customerConcordId', row.AccountId ? refs.concordIdByAccount.get(row.AccountId) : undefined),
    name: row.Name ?? '',
    stage: row.StageName ?? '',
    isClosed: row.IsClosed,
    isWon: row.IsWon,
    closeDate: row.CloseDate ?? '',
    currency,
    ...(row.Amount === null ? {} : { amount: toMoney(row.Amount, currency) }),
    lines: lines.map((line) => fromLine(line, currency, refs)),
    sourceVersion: toIsoInstant(row.SystemModstamp),
  };
}

export function toOpportunityChange(
  row: SalesforceOpportunity,
  lines: SalesforceOpportunityLine[],
  refs: SalesReferences,
): OpportunityChangeDto {
  const sourceVersion = toIsoInstant(row.SystemModstamp);
  if (row.IsDeleted) return { kind: 'delete', externalId: row.Id, sourceVersion };
  return { kind: 'upsert', externalId: row.Id, sourceVersion, record: fromOpportunity(row, lines, refs) };
}

export function fromContract(row: SalesforceContract, refs: SalesReferences): ContractRecordV1 {
  return {
    externalId: row.Id,
    contractNumber: row.ContractNumber ?? '',
    accountExternalId: row.AccountId,
    ...present('customerConcordId', refs.concordIdByAccount.get(row.AccountId)),
    status: CONTRACT_STATUS[row.Status ?? ''] ?? ContractStatus.Draft,
    ...present('startDate', row.StartDate),
    ...present('endDate', row.EndDate),
    ...present('termMonths', row.ContractTerm),
    ...(row.ActivatedDate ? { activatedAt: toIsoInstant(row.ActivatedDate) } : {}),
    currency: row.CurrencyIsoCode ?? CORPORATE_CURRENCY,
    sourceVersion: toIsoInstant(row.SystemModstamp),
  };
}

export function toContractChange(row: SalesforceContract, refs: SalesReferences): ContractChangeDto {
  const sourceVersion = toIsoInstant(row.SystemModstamp);
  if (row.IsDeleted) return { kind: 'delete', externalId: row.Id, sourceVersion };
  return { kind: 'upsert', externalId: row.Id, sourceVersion, record: fromContract(row, refs) };
}
