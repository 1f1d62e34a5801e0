import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';
import { type BillingEvent } from '../adapters/stripe/stripe-event.mappers.js';

const SOURCE_SYSTEM = 'billing';

/** The inbox: `event_log`'s unique (source_system, source_event_id) drops repeated deliveries. */
@Injectable()
export class BillingEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the event once; answers false when it was already there. */
  async record(event: BillingEvent, correlationId: string): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO event_log (event_id, type, domain, entity_id, source_system, source_event_id,
                              source_version, correlation_id, payload, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT event_log_inbox_unique DO NOTHING RETURNING seq`,
      [
        randomUUID(),
        event.type,
        event.domain,
        event.entityId,
        SOURCE_SYSTEM,
        event.sourceEventId,
        event.sourceVersion,
        correlationId,
        JSON.stringify(event.payload),
        event.occurredAt,
      ],
    );
    return inserted.length > 0;
  }
}
