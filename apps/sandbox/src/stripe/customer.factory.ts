import { randomHex } from '../shared/random.util.js';
import { invalidRequest } from './stripe.errors.js';
import { applyMetadata, type Params } from './stripe-params.util.js';
import { type Address, type Customer } from './stripe-object.types.js';

export const CUSTOMER_PARAMS = [
  'name',
  'email',
  'phone',
  'description',
  'address',
  'shipping',
  'metadata',
  'preferred_locales',
  'tax_exempt',
  'invoice_prefix',
  'invoice_settings',
  'balance',
  'next_invoice_sequence',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ADDRESS_KEYS = ['line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;

function readAddress(params: Params | undefined, current: Address | null): Address | null | undefined {
  if (!params) return undefined;
  params.allowOnly(ADDRESS_KEYS);
  const base: Address = current ?? {
    city: null,
    country: null,
    line1: null,
    line2: null,
    postal_code: null,
    state: null,
  };
  const next = { ...base };
  for (const key of ADDRESS_KEYS) {
    const value = params.string(key);
    if (value !== undefined) next[key] = value;
  }
  return next;
}

export function newCustomer(id: string, created: number): Customer {
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: randomHex(4).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

/** Applies create or update parameters; nested hashes merge, empty values unset. */
export function applyCustomerParams(customer: Customer, params: Params): Customer {
  params.allowOnly(CUSTOMER_PARAMS);
  const next: Customer = structuredClone(customer);
  for (const key of ['name', 'phone', 'description'] as const) {
    const value = params.string(key, key === 'description' ? 350 : 256);
    if (value !== undefined) next[key] = value;
  }
  const email = params.string('email', 512);
  if (email !== undefined) {
    if (email !== null && !EMAIL.test(email))
      throw invalidRequest(`Invalid email address: ${email}`, 'email', 'email_invalid');
    next.email = email;
  }
  const address = readAddress(params.object('address'), next.address);
  if (address !== undefined) next.address = address;
  if (params.raw.address === '') next.address = null;
  const shipping = params.object('shipping');
  if (shipping) {
    shipping.allowOnly(['name', 'phone', 'address']);
    next.shipping = {
      address: readAddress(shipping.object('address'), null),
      name: shipping.requiredString('name'),
      phone: shipping.string('phone') ?? null,
    };
  } else if (params.raw.shipping === '') next.shipping = null;
  const locales = params.strings('preferred_locales');
  if (locales) next.preferred_locales = locales;
  const taxExempt = params.oneOf('tax_exempt', ['none', 'exempt', 'reverse'] as const);
  if (taxExempt) next.tax_exempt = taxExempt;
  const prefix = params.string('invoice_prefix');
  if (prefix) {
    if (!/^[A-Z0-9]{3,12}$/.test(prefix)) {
      throw invalidRequest('Invoice prefix must be 3–12 uppercase letters or numbers.', 'invoice_prefix');
    }
    next.invoice_prefix = prefix;
  }
  const settings = params.object('invoice_settings');
  if (settings) {
    settings.allowOnly(['default_payment_method', 'footer']);
    const current = next.invoice_settings as Record<string, unknown>;
    const method = settings.string('default_payment_method');
    const footer = settings.string('footer');
    next.invoice_settings = {
      ...current,
      ...(method !== undefined ? { default_payment_method: method } : {}),
      ...(footer !== undefined ? { footer } : {}),
    };
  }
  const balance = params.int('balance');
  if (balance !== undefined) next.balance = balance;
  const sequence = params.int('next_invoice_sequence', 1);
  if (sequence !== undefined) next.next_invoice_sequence = sequence;
  next.metadata = applyMetadata(next.metadata, params.metadata());
  return next;
}
