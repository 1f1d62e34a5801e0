import { type NewSyncException } from '@concord/persistence';
import { type InboxEventBase } from './crm-inbox.repository.js';

/** Where a steward's exception about one CRM change comes from: the change, its consumer, its trace. */
export interface CrmChangeOrigin {
  concordId: string;
  event: Pick<InboxEventBase, 'eventId' | 'correlationId'>;
  consumer: string;
}

/** The exception filed about one change of the CRM account feed, keyed by the change's inbox event. */
export function crmChangeException(
  category: NewSyncException['category'],
  origin: CrmChangeOrigin,
  payload: Record<string, unknown>,
  error: { message: string } & Record<string, unknown>,
): NewSyncException {
  return {
    category,
    domain: 'customer',
    system: 'crm',
    entityId: origin.concordId,
    queue: origin.consumer,
    jobId: origin.event.eventId,
    jobName: 'crm.account.change',
    payload,
    error,
    correlationId: origin.event.correlationId,
  };
}
