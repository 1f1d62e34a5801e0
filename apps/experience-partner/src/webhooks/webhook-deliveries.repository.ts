import { Injectable } from '@nestjs/common';
import { DataSource, updateRows } from '@concord/persistence';
import { type PartnerEventJobV1 } from '@concord/queues';

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface DeliveryTarget {
  id: string;
  status: DeliveryStatus;
  attempts: number;
  roundAttempts: number;
  seq: number;
  payload: unknown;
  correlationId: string;
  eventId: string;
  url: string;
  secretCiphertext: string;
  endpointDeleted: boolean;
  /** Milliseconds until the recorded next attempt; 0 when due or none. */
  nextAttemptDelayMs: number;
}

export interface AttemptOutcome {
  responseStatus: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
  /** Where the delivery stands after this attempt; `nextAttemptAt` only when retrying. */
  status: DeliveryStatus;
  nextAttemptAt?: Date;
}

/** The partner edge's side of `webhook_delivery`: fan-out inserts and attempt bookkeeping. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One delivery per subscribed endpoint; the (event, endpoint) key makes a re-published event a
   * no-op. Returns the deliveries of the event still waiting for their first schedule.
   */
  async fanOut(job: PartnerEventJobV1, correlationId: string): Promise<Array<{ id: string; seq: number }>> {
    await this.dataSource.query(
      `INSERT INTO webhook_delivery (event_id, event_type, partner_id, endpoint_id, payload, correlation_id)
       SELECT $1, $2, e.partner_id, e.id, $4, $5 FROM webhook_endpoint e
        WHERE e.partner_id = $3 AND e.deleted_at IS NULL AND $2 = ANY(e.event_types)
       ON CONFLICT (event_id, endpoint_id) DO NOTHING`,
      [job.event.id, job.event.type, job.partnerId, JSON.stringify(job.event), correlationId],
    );
    return this.dataSource.query(
      `SELECT id, schedule_seq AS seq FROM webhook_delivery
        WHERE event_id = $1 AND partner_id = $2 AND status = 'pending' AND attempts = 0`,
      [job.event.id, job.partnerId],
    );
  }

  async target(deliveryId: string): Promise<DeliveryTarget | undefined> {
    const rows: DeliveryTarget[] = await this.dataSource.query(
      `SELECT d.id, d.status, d.attempts, d.round_attempts AS "roundAttempts", d.schedule_seq AS seq,
              d.payload, d.correlation_id AS "correlationId", d.event_id AS "eventId", e.url,
              e.secret_ciphertext AS "secretCiphertext", e.deleted_at IS NOT NULL AS "endpointDeleted",
              GREATEST(0, COALESCE(EXTRACT(EPOCH FROM d.next_attempt_at - now()) * 1000, 0))::int
                AS "nextAttemptDelayMs"
         FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE d.id = $1`,
      [deliveryId],
    );
    return rows[0];
  }

  /**
   * Records one attempt and where the delivery stands, only if the delivery is still on the schedule
   * step `seq` (a resend in between moved it on). Returns whether it was recorded.
   */
  async recordAttempt(deliveryId: string, seq: number, outcome: AttemptOutcome): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const updated = await updateRows<{ attempts: number }>(
        manager,
        `UPDATE webhook_delivery SET
           attempts = attempts + 1, round_attempts = round_attempts + 1, status = $3,
           schedule_seq = schedule_seq + CASE WHEN $3 = 'retrying' THEN 1 ELSE 0 END,
           last_response_status = $4, last_response_excerpt = $5, last_error = $6, last_attempt_at = now(),
           next_attempt_at = $7, delivered_at = CASE WHEN $3 = 'delivered' THEN now() END, updated_at = now()
         WHERE id = $1 AND schedule_seq = $2 RETURNING attempts`,
        [
          deliveryId,
          seq,
          outcome.status,
          outcome.responseStatus,
          outcome.excerpt,
          outcome.error,
          outcome.nextAttemptAt ?? null,
        ],
      );
      const row = updated[0];
      if (!row) return false;
      await manager.query(
        `INSERT INTO webhook_delivery_attempt (delivery_id, attempt, response_status, response_excerpt, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          deliveryId,
          row.attempts,
          outcome.responseStatus,
          outcome.excerpt,
          outcome.error,
          outcome.durationMs,
        ],
      );
      return true;
    });
  }

  async markEndpointGone(deliveryId: string, seq: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_delivery SET status = 'failed', last_error = 'endpoint removed', next_attempt_at = NULL,
              updated_at = now() WHERE id = $1 AND schedule_seq = $2`,
      [deliveryId, seq],
    );
  }
}
