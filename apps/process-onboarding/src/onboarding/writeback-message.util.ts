import { type SyncStatusUpdateDto } from '@concord/contracts';

const ERP_NUMBER_LIMIT = 20;
const SYNC_MESSAGE_LIMIT = 255;

/**
 * The Synced write-back: the ERP customer number (the CRM field holds at most 20 characters; a longer
 * identity stays in the message), the billing ID, and for a linked duplicate the customer it joined.
 */
export function writebackOf(
  erp: { externalId: string; number?: string },
  billingId: string,
  linked?: { customerId: string; name: string },
): Omit<SyncStatusUpdateDto, 'status'> {
  const number = erp.number ?? (erp.externalId.length <= ERP_NUMBER_LIMIT ? erp.externalId : undefined);
  const erpLabel = number ?? erp.externalId;
  const message = linked
    ? `Linked to existing customer "${linked.name}" (Concord ID ${linked.customerId}): ERP customer ${erpLabel}, billing customer ${billingId}. This account duplicates it; merge the CRM accounts`
    : `Onboarded: ERP customer ${erpLabel}, billing customer ${billingId}`;
  return {
    message: message.slice(0, SYNC_MESSAGE_LIMIT),
    billingCustomerId: billingId,
    ...(number ? { erpCustomerNumber: number } : {}),
  };
}
