import { type DataSource, type EntityManager } from 'typeorm';

export interface OutboxMessage {
  queue: string;
  jobName: string;
  entityKey: string;
  payload: unknown;
  correlationId: string;
}

export interface PendingOutboxRow extends OutboxMessage {
  id: string;
}

/** Rows written in the caller's transaction; the relay turns committed rows into jobs. */
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Must be called with the manager of the transaction that changes state, never on its own. */
  async add(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
    for (const message of messages) {
      await manager.query(
        `INSERT INTO outbox (queue, job_name, entity_key, payload, correlation_id) VALUES ($1, $2, $3, $4, $5)`,
        [
          message.queue,
          message.jobName,
          message.entityKey,
          JSON.stringify(message.payload),
          message.correlationId,
        ],
      );
    }
  }

  /**
   * Hands the oldest unrelayed rows to `publish` in commit order, then marks the ones it published.
   * No transaction is held while publishing: the job store may share this database (and PGlite
   * serialises transactions across connections). If the process dies after publishing but before
   * marking, the rows are published again; the job ID derived from the row ID makes that a no-op.
   */
  async relayBatch(limit: number, publish: (rows: PendingOutboxRow[]) => Promise<string[]>): Promise<number> {
    const rows: Array<{
      id: string;
      queue: string;
      job_name: string;
      entity_key: string;
      payload: unknown;
      correlation_id: string;
    }> = await this.dataSource.query(
      `SELECT id, queue, job_name, entity_key, payload, correlation_id FROM outbox
        WHERE relayed_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
    if (rows.length === 0) return 0;
    const published = await publish(
      rows.map((row) => ({
        id: String(row.id),
        queue: row.queue,
        jobName: row.job_name,
        entityKey: row.entity_key,
        payload: row.payload,
        correlationId: row.correlation_id,
      })),
    );
    if (published.length > 0) {
      await this.dataSource.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [
        published,
      ]);
    }
    return published.length;
  }

  async pendingCount(): Promise<number> {
    const rows: Array<{ count: string }> = await this.dataSource.query(
      `SELECT count(*) AS count FROM outbox WHERE relayed_at IS NULL`,
    );
    return Number(rows[0]?.count ?? 0);
  }
}
