import { type WebhookEndpointDto } from './webhook-endpoints.dto.js';
import { type WebhookEndpointRow } from './webhook-endpoints.repository.js';

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpointDto {
  return { id: row.id, url: row.url, eventTypes: row.eventTypes, createdAt: row.createdAt.toISOString() };
}
