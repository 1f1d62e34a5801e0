import { Injectable } from '@nestjs/common';
import { decodeExceptionCursor, encodeExceptionCursor } from '../exceptions/exception-cursor.util.js';
import { DEFAULT_PAGE } from '../common/page-query.dto.js';
import { type WebhookDeliveryQueryDto } from './webhook-delivery-query.dto.js';
import { toDeliverySummary } from './webhook-delivery.mapper.js';
import { WebhookDeliveryReadsRepository } from './webhook-delivery-reads.repository.js';
import { type WebhookDeliveryPageDto } from './webhook-delivery-views.dto.js';

/** Webhook deliveries, newest first, one page at a time. */
@Injectable()
export class ListWebhookDeliveriesUseCase {
  constructor(private readonly reads: WebhookDeliveryReadsRepository) {}

  async execute(query: WebhookDeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.reads.list(
      {
        statuses: query.status,
        partnerId: query.partnerId,
        endpointId: query.endpointId,
        eventType: query.eventType,
        eventId: query.eventId,
      },
      decodeExceptionCursor(query.cursor),
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDeliverySummary),
      ...(rows.length > limit && last
        ? { nextCursor: encodeExceptionCursor({ createdAt: last.position, id: last.id }) }
        : {}),
    };
  }
}
