import { type CustomerRecordV1 } from '@concord/contracts';
import { evaluateOwnership, type OwnershipVerdict } from '@concord/governance';
import { CRM_CARRIED_FIELDS, customerFieldsOf, differingFields } from '../customers/canonical-fields.util.js';
import { sameValue } from '../customers/same-value.util.js';
import { compareVersions } from '../customers/source-version.util.js';

/** What Concord knows of an onboarded customer when one of its CRM changes arrives. */
export interface KnownCustomer {
  data: Record<string, unknown>;
  sourceVersions: Record<string, string>;
  firstInvoicePostedAt?: Date | null;
}

export type ChangeVerdict =
  | { kind: 'stale'; lastApplied: string }
  | { kind: 'replayed' }
  | { kind: 'echo' }
  | ({ kind: 'update'; changed: string[] } & OwnershipVerdict);

/** The inbox key of a feed entry: one record at one source version is one event. */
export function changeEventId(change: { externalId: string; sourceVersion: string }): string {
  return `${change.externalId}@${change.sourceVersion}`;
}

/** The onboarding rule: the account's type is one of the configured ones (case-insensitive). */
export function qualifiesForOnboarding(
  record: Pick<CustomerRecordV1, 'accountType'> | undefined,
  accountTypes: readonly string[],
): boolean {
  const type = record?.accountType?.trim().toLowerCase();
  return type !== undefined && accountTypes.some((candidate) => candidate.toLowerCase() === type);
}

/**
 * Judges a CRM change to an onboarded customer.
 * - Older than the last applied CRM version: stale. The same version: applied already.
 * - Echo: no field the CRM carries moved since the CRM state Concord saw last (`lastSeen`, else the
 *   canonical record), or every moved field now holds the canonical value. Concord's write-backs
 *   (Concord ID, ERP number, billing ID, status and message) are not canonical fields at all, so a
 *   write-back alone is always an echo, whatever modstamp it got and whoever else saved since.
 * - Otherwise an update, split by the ownership matrix into what the CRM may change and violations.
 */
export function judgeChange(
  record: CustomerRecordV1,
  customer: KnownCustomer,
  lastSeen: Record<string, unknown> | undefined,
): ChangeVerdict {
  const lastApplied = customer.sourceVersions.crm;
  if (lastApplied) {
    const order = compareVersions(record.sourceVersion, lastApplied);
    if (order < 0) return { kind: 'stale', lastApplied };
    if (order === 0) return { kind: 'replayed' };
  }
  const incoming = customerFieldsOf(record);
  const moved = differingFields(incoming, lastSeen ?? customer.data, CRM_CARRIED_FIELDS);
  const changed = moved.filter((field) => !sameValue(incoming[field], customer.data[field]));
  if (changed.length === 0) return { kind: 'echo' };
  const verdict = evaluateOwnership('customer', 'crm', changed, {
    firstInvoicePostedAt: customer.firstInvoicePostedAt ?? null,
  });
  return { kind: 'update', changed, ...verdict };
}
