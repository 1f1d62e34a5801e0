import { ConfigError } from '@concord/platform';

/** Settings of the ERP system app beyond the shared `AppConfig`. */
export interface ErpConfig {
  /** ISO country → ERP legal entity (company name). */
  companyByCountry: Record<string, string>;
  /** Company for countries the map does not name. */
  defaultCompany: string;
  /** Company whose items are the product master (the default company unless set). */
  productCompany: string;
  /** Company name → its local currency (a customer in it has a blank `currencyCode`). */
  localCurrencyByCompany: Record<string, string>;
  /** Budget of one Business Central call attempt. */
  vendorTimeoutMs: number;
  /** How far the change feed re-reads before its cursor when it has to scan. */
  changeOverlapMs: number;
  /** Steady Business Central request rate and burst Concord keeps to (6,000 per 5 minutes). */
  vendorRatePerSecond: number;
  vendorBurst: number;
}

export const ERP_CONFIG = Symbol('ERP_CONFIG');

const DEFAULT_COMPANY_BY_COUNTRY: Record<string, string> = {
  US: 'CRONUS USA, Inc.',
  GB: 'CRONUS International Ltd.',
  DE: 'CRONUS AG',
  AT: 'CRONUS AG',
  CH: 'CRONUS AG',
};

const DEFAULT_LOCAL_CURRENCIES: Record<string, string> = {
  'CRONUS USA, Inc.': 'USD',
  'CRONUS International Ltd.': 'GBP',
  'CRONUS AG': 'EUR',
};

function stringMap(env: NodeJS.ProcessEnv, name: string, fallback: Record<string, string>) {
  const raw = env[name];
  if (!raw) return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} must be a JSON object of strings`);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((value) => typeof value === 'string')
  ) {
    throw new ConfigError(`${name} must be a JSON object of strings`);
  }
  return parsed as Record<string, string>;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer`);
  return value;
}

/** Reads and validates the ERP settings once at boot. */
export function loadErpConfig(env: NodeJS.ProcessEnv = process.env): ErpConfig {
  const companyByCountry = stringMap(env, 'ERP_COMPANY_BY_COUNTRY', DEFAULT_COMPANY_BY_COUNTRY);
  const defaultCompany = env.ERP_DEFAULT_COMPANY || 'CRONUS International Ltd.';
  const productCompany = env.ERP_PRODUCT_COMPANY || defaultCompany;
  const localCurrencyByCompany = stringMap(env, 'ERP_COMPANY_LOCAL_CURRENCY', DEFAULT_LOCAL_CURRENCIES);
  for (const company of new Set([defaultCompany, productCompany, ...Object.values(companyByCountry)])) {
    if (!localCurrencyByCompany[company])
      throw new ConfigError(`ERP_COMPANY_LOCAL_CURRENCY names no local currency for "${company}"`);
  }
  return {
    companyByCountry,
    defaultCompany,
    productCompany,
    localCurrencyByCompany,
    vendorTimeoutMs: positive(env, 'ERP_VENDOR_TIMEOUT_MS', 5_000),
    changeOverlapMs: positive(env, 'ERP_CHANGE_OVERLAP_MS', 5_000),
    vendorRatePerSecond: positive(env, 'ERP_VENDOR_RATE_PER_SECOND', 18),
    vendorBurst: positive(env, 'ERP_VENDOR_BURST', 600),
  };
}
