import { type CustomerRecordV1, type CustomerV1 } from '@concord/contracts';
import {
  METADATA,
  type StripeAddressWire,
  type StripeCustomerParams,
  type StripeCustomerWire,
} from './stripe.types.js';

export type WriteMode = 'create' | 'update';

/** Seconds since the epoch (Stripe's timestamps) as an ISO instant. */
export function isoFromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/**
 * Canonical customer → Stripe parameters. A PUT replaces the whole customer, so on update every
 * optional field the canonical record lacks is sent as '' (Stripe's way to unset); on create it is left out.
 */
export function toStripeCustomerParams(
  concordId: string,
  customer: CustomerV1,
  mode: WriteMode,
): StripeCustomerParams {
  const unset = mode === 'update' ? '' : undefined;
  const optional = (value: string | undefined): string | undefined => value ?? unset;
  const metadata: Record<string, string | undefined> = {
    [METADATA.concordId]: concordId,
    [METADATA.currency]: customer.currency,
    [METADATA.country]: customer.country,
    [METADATA.taxId]: optional(customer.taxId),
    [METADATA.legalName]: optional(customer.legalName),
    [METADATA.website]: optional(customer.website),
    [METADATA.paymentTermsDays]: optional(customer.paymentTermsDays?.toString()),
    [METADATA.segment]: optional(customer.segment),
    [METADATA.territory]: optional(customer.territory),
  };
  const address = customer.address;
  const params: StripeCustomerParams = {
    name: customer.name,
    address: definedOnly({
      line1: address?.line1 ?? unset,
      line2: optional(address?.line2),
      city: address?.city ?? unset,
      state: optional(address?.region),
      postal_code: address?.postalCode ?? unset,
      country: customer.country,
    }),
    metadata: definedOnly(metadata),
  };
  const email = optional(customer.email);
  const phone = optional(customer.phone);
  if (email !== undefined) params.email = email;
  if (phone !== undefined) params.phone = phone;
  return params;
}

/** Stripe customer → canonical record; fields Stripe has no column for come back from metadata. */
export function toCustomerRecord(customer: StripeCustomerWire, concordId: string): CustomerRecordV1 {
  const meta = customer.metadata;
  const address = customer.address ?? undefined;
  const record: CustomerRecordV1 = {
    concordId,
    externalId: customer.id,
    sourceVersion: isoFromSeconds(customer.created),
    name: customer.name ?? '',
    country: address?.country || meta[METADATA.country] || '',
    currency: meta[METADATA.currency] || (customer.currency ?? '').toUpperCase(),
  };
  const optionalFields: Array<[keyof CustomerRecordV1, string | null | undefined]> = [
    ['email', customer.email],
    ['phone', customer.phone],
    ['taxId', meta[METADATA.taxId]],
    ['legalName', meta[METADATA.legalName]],
    ['website', meta[METADATA.website]],
    ['segment', meta[METADATA.segment]],
    ['territory', meta[METADATA.territory]],
  ];
  const target = record as unknown as Record<string, unknown>;
  for (const [key, value] of optionalFields) if (value) target[key] = value;
  const terms = meta[METADATA.paymentTermsDays];
  if (terms && /^\d+$/.test(terms)) record.paymentTermsDays = Number(terms);
  const mapped = address ? toCanonicalAddress(address) : undefined;
  if (mapped) record.address = mapped;
  return record;
}

function toCanonicalAddress(address: StripeAddressWire): CustomerV1['address'] {
  if (!address.line1 || !address.city || !address.postal_code) return undefined;
  return {
    line1: address.line1,
    city: address.city,
    postalCode: address.postal_code,
    ...(address.line2 ? { line2: address.line2 } : {}),
    ...(address.state ? { region: address.state } : {}),
  };
}

/** The canonical ID Concord stored on a Stripe customer, if any. */
export function concordIdOf(customer: { metadata?: Record<string, string> | null }): string | undefined {
  return customer.metadata?.[METADATA.concordId] || undefined;
}

/** Stripe search query that finds the customer holding a canonical ID. */
export function searchByConcordId(concordId: string): string {
  return `metadata['${METADATA.concordId}']:'${concordId.replace(/'/g, "\\'")}'`;
}

function definedOnly<T extends string>(values: Record<T, string | undefined>): Record<T, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
    T,
    string
  >;
}
