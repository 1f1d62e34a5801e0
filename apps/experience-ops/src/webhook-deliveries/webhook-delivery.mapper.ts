import { type WebhookDeliverySummaryDto } from './webhook-delivery-views.dto.js';
import { type DeliveryRow } from './webhook-delivery-reads.repository.js';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toDeliverySummary(row: DeliveryRow): WebhookDeliverySummaryDto {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    partnerId: row.partnerId,
    endpointId: row.endpointId,
    url: row.url,
    status: row.status,
    attempts: row.attempts,
    lastResponseStatus: row.lastResponseStatus,
    lastResponseExcerpt: row.lastResponseExcerpt,
    lastError: row.lastError,
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    correlationId: row.correlationId,
    createdAt: row.createdAt.toISOString(),
  };
}
