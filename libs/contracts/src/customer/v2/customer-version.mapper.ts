import { type CustomerV1 } from '../v1/customer.dto.js';
import { type CustomerV2 } from './customer.dto.js';

/**
 * Version 2 as the stored canonical (version 1) customer: the display name is v1's `name`; the legal
 * name is kept only when it says something the display name does not, so a v1 customer read as v2
 * and written back is unchanged.
 */
export function customerV2ToV1(customer: CustomerV2): CustomerV1 {
  const { legalName, displayName, ...rest } = customer;
  return { ...rest, name: displayName, ...(legalName === displayName ? {} : { legalName }) };
}

/** A stored (version 1) customer as version 2: without a separate legal name, the name is both. */
export function customerV1ToV2(customer: CustomerV1): CustomerV2 {
  const { name, legalName, ...rest } = customer;
  return { ...rest, legalName: legalName ?? name, displayName: name };
}
