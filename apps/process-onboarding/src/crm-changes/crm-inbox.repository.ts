import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from '@concord/persistence';
import { DuplicateChangeError } from './duplicate-change.error.js';

const SOURCE = 'crm';

export interface InboxEvent {
  eventId: string;
  /** `crm.account.<what Concord did with it>`: onboarding-started, echo, stale, updated, ignored, … */
  type: string;
  entityId: string;
  sourceVersion: string;
  correlationId: string;
  payload: Record<string, unknown>;
}

/** What every inbox event of one change shares, whatever Concord does with the change. */
export type InboxEventBase = Pick<InboxEvent, 'eventId' | 'sourceVersion' | 'correlationId'>;

/** CRM changes in `event_log`, whose unique (source_system, source_event_id) is the inbox. */
@Injectable()
export class CrmInboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async seen(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM event_log WHERE source_system = $1 AND source_event_id = $2`,
      [SOURCE, eventId],
    );
    return rows.length > 0;
  }

  /** Throws DuplicateChangeError when the event was recorded already (a concurrent duplicate). */
  async record(event: InboxEvent, manager?: EntityManager): Promise<void> {
    const inserted: unknown[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO event_log (event_id, type, domain, entity_id, source_system, source_event_id,
                              source_version, correlation_id, payload, occurred_at)
       VALUES ($1, $2, 'customer', $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT event_log_inbox_unique DO NOTHING RETURNING seq`,
      [
        randomUUID(),
        event.type,
        event.entityId,
        SOURCE,
        event.eventId,
        event.sourceVersion,
        event.correlationId,
        JSON.stringify(event.payload),
        event.sourceVersion,
      ],
    );
    if (inserted.length === 0) throw new DuplicateChangeError();
  }

  /** The CRM record as Concord saw it last (stale changes aside), to tell what the CRM changed since. */
  async lastSeenRecord(
    concordId: string,
    manager: EntityManager,
  ): Promise<Record<string, unknown> | undefined> {
    const rows: Array<{ record: Record<string, unknown> }> = await manager.query(
      `SELECT payload->'change'->'record' AS record FROM event_log
        WHERE domain = 'customer' AND entity_id = $1 AND source_system = $2
          AND type <> 'crm.account.stale' AND payload->'change' ? 'record'
        ORDER BY seq DESC LIMIT 1`,
      [concordId, SOURCE],
    );
    return rows[0]?.record ?? undefined;
  }
}
