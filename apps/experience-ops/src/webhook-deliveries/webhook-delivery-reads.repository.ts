import { Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';
import { type ExceptionPosition } from '../exceptions/exception-cursor.util.js';
import { type DeliveryStatus } from './webhook-delivery-query.dto.js';

export interface DeliveryFilter {
  statuses?: DeliveryStatus[];
  partnerId?: string;
  endpointId?: string;
  eventType?: string;
  eventId?: string;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  partnerId: string;
  endpointId: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  lastResponseStatus: number | null;
  lastResponseExcerpt: string | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  correlationId: string;
  createdAt: Date;
  /** created_at in UTC with microseconds, for the cursor. */
  position: string;
}

export interface AttemptRow {
  attempt: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

const COLUMNS = `d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.partner_id AS "partnerId",
  d.endpoint_id AS "endpointId", e.url, d.status, d.attempts, d.last_response_status AS "lastResponseStatus",
  d.last_response_excerpt AS "lastResponseExcerpt", d.last_error AS "lastError",
  d.last_attempt_at AS "lastAttemptAt", d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt",
  d.correlation_id AS "correlationId", d.created_at AS "createdAt",
  to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position`;

/** Operator reads of webhook deliveries across partners. */
@Injectable()
export class WebhookDeliveryReadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: DeliveryFilter, after: ExceptionPosition | undefined, limit: number): Promise<DeliveryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.statuses?.length) where.push(`d.status = ANY(${bind(filter.statuses)}::text[])`);
    if (filter.partnerId) where.push(`d.partner_id = ${bind(filter.partnerId)}`);
    if (filter.endpointId) where.push(`d.endpoint_id = ${bind(filter.endpointId)}`);
    if (filter.eventType) where.push(`d.event_type = ${bind(filter.eventType)}`);
    if (filter.eventId) where.push(`d.event_id = ${bind(filter.eventId)}`);
    if (after)
      where.push(`(d.created_at, d.id) < (${bind(after.createdAt)}::timestamptz, ${bind(after.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.created_at DESC, d.id DESC LIMIT ${bind(limit)}`,
      params,
    );
  }

  async find(id: string): Promise<(DeliveryRow & { payload: unknown }) | undefined> {
    const rows: Array<DeliveryRow & { payload: unknown }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, d.payload FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
        WHERE d.id = $1`,
      [id],
    );
    return rows[0];
  }

  attempts(id: string): Promise<AttemptRow[]> {
    return this.dataSource.query(
      `SELECT attempt, response_status AS "responseStatus", response_excerpt AS "responseExcerpt", error,
              duration_ms AS "durationMs", at
         FROM webhook_delivery_attempt WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
  }
}
