import { createHash } from 'node:crypto';

/** Event types a partner can subscribe its webhook endpoints to. */
export const PARTNER_EVENT_TYPES = ['customer.onboarding.completed', 'customer.onboarding.rejected'] as const;
export type PartnerEventType = (typeof PARTNER_EVENT_TYPES)[number];

export const PARTNER_EVENT_JOB = 'partner-event.publish';
export const WEBHOOK_DELIVERY_JOB = 'webhook.deliver';

/** What a partner may see of an onboarding that ended: never the payload sent to vendors. */
export interface PartnerEventData {
  customerId: string;
  onboardingId: string;
  status: 'synced' | 'rejected';
  message?: string;
}

/** Payload (version 1) of a `partner-event.publish` job; `created` is Unix seconds, as sent. */
export interface PartnerEventJobV1 {
  partnerId: string;
  event: { id: string; type: PartnerEventType; created: number; data: PartnerEventData };
}

/** Payload (version 1) of a `webhook.deliver` job; `seq` names the one schedule it belongs to. */
export interface WebhookDeliveryJobV1 {
  deliveryId: string;
  seq: number;
}

/**
 * The ID of the event a flow's end produces: derived, so a re-emitted end is the same event and the
 * receiver (and the delivery table) see it once.
 */
export function partnerEventId(flowId: string, type: PartnerEventType): string {
  return `evt_${createHash('sha256').update(`${flowId}\n${type}`).digest('hex').slice(0, 32)}`;
}

/** BullMQ refuses custom job IDs with a single `:`; one job per delivery schedule step. */
export function webhookDeliveryJobId(deliveryId: string, seq: number): string {
  return `whd.${deliveryId}.${seq}`;
}
