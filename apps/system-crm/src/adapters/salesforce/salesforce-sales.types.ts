/** Wire shapes of Opportunity, OpportunityLineItem and Contract; they never leave this folder. */

export interface SalesforceOpportunity {
  Id: string;
  IsDeleted?: boolean;
  AccountId: string | null;
  Name: string | null;
  StageName: string | null;
  CloseDate: string | null;
  Amount: number | null;
  IsClosed: boolean;
  IsWon: boolean;
  CurrencyIsoCode: string | null;
  SystemModstamp: string;
}

export const OPPORTUNITY_FIELDS = [
  'Id',
  'IsDeleted',
  'AccountId',
  'Name',
  'StageName',
  'CloseDate',
  'Amount',
  'IsClosed',
  'IsWon',
  'CurrencyIsoCode',
  'SystemModstamp',
] as const;

export interface SalesforceOpportunityLine {
  Id: string;
  OpportunityId: string;
  Product2Id: string;
  Quantity: number;
  UnitPrice: number;
  TotalPrice: number;
  ServiceDate: string | null;
}

export const OPPORTUNITY_LINE_FIELDS = [
  'Id',
  'OpportunityId',
  'Product2Id',
  'Quantity',
  'UnitPrice',
  'TotalPrice',
  'ServiceDate',
] as const;

export interface SalesforceContract {
  Id: string;
  IsDeleted?: boolean;
  AccountId: string;
  ContractNumber: string | null;
  Status: string | null;
  StartDate: string | null;
  EndDate: string | null;
  ContractTerm: number | null;
  ActivatedDate: string | null;
  CurrencyIsoCode: string | null;
  SystemModstamp: string;
}

export const CONTRACT_FIELDS = [
  'Id',
  'IsDeleted',
  'AccountId',
  'ContractNumber',
  'Status',
  'StartDate',
  'EndDate',
  'ContractTerm',
  'ActivatedDate',
  'CurrencyIsoCode',
  'SystemModstamp',
] as const;

/** What the mappers need besides the row: the accounts' canonical IDs and the products' SKUs. */
export interface SalesReferences {
  concordIdByAccount: Map<string, string>;
  skuByProduct: Map<string, string>;
}
