import { type OutboxMessage } from '@concord/persistence';
import { type OwnerSystem } from '@concord/governance';

export const CUSTOMER_SYNC_JOB = 'customer.propagate';

/** Push the listed canonical fields of a customer (at `version` or later) to the other systems. */
export interface CustomerSyncJobData {
  concordId: string;
  version: number;
  fields: string[];
  source: OwnerSystem;
}

export function customerSyncMessage(
  queue: string,
  data: CustomerSyncJobData,
  correlationId: string,
): OutboxMessage {
  return { queue, jobName: CUSTOMER_SYNC_JOB, entityKey: data.concordId, payload: data, correlationId };
}
