import { type DataSource, type EntityManager } from 'typeorm';
import { type ExceptionCategory, SyncExceptionEntity } from '../entities/sync-exception.entity.js';

export interface NewSyncException {
  category: ExceptionCategory;
  domain: string;
  system?: string | null;
  entityId?: string | null;
  queue?: string | null;
  jobId?: string | null;
  jobName?: string | null;
  payload: unknown;
  error: unknown;
  correlationId: string;
}

/** The steward's exception queue: every failure that needs a person lands here with its payload. */
export class SyncExceptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records once per (queue, job): a retried recording after a crash does not duplicate the row. A job
   * that fails again after a steward retry resolved its exception opens that exception again, with
   * the new error, instead of leaving it looking resolved.
   */
  async record(exception: NewSyncException, manager?: EntityManager): Promise<string> {
    const runner = manager ?? this.dataSource.manager;
    const inserted: Array<{ id: string }> = await runner.query(
      `INSERT INTO sync_exception
         (category, domain, system, entity_id, queue, job_id, job_name, payload, error, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (queue, job_id) DO UPDATE SET updated_at = now(),
         status = CASE WHEN sync_exception.status = 'resolved' THEN 'open' ELSE sync_exception.status END,
         error = CASE WHEN sync_exception.status = 'resolved' THEN EXCLUDED.error ELSE sync_exception.error END
       RETURNING id`,
      [
        exception.category,
        exception.domain,
        exception.system ?? null,
        exception.entityId ?? null,
        exception.queue ?? null,
        exception.jobId ?? null,
        exception.jobName ?? null,
        JSON.stringify(exception.payload),
        JSON.stringify(exception.error),
        exception.correlationId,
      ],
    );
    const row = inserted[0];
    if (!row) throw new Error('sync_exception insert returned no row');
    return row.id;
  }

  findByJob(queue: string, jobId: string): Promise<SyncExceptionEntity[]> {
    return this.dataSource.getRepository(SyncExceptionEntity).find({ where: { queue, jobId } });
  }

  async countOpenByCategory(): Promise<Array<{ category: string; count: number }>> {
    const rows: Array<{ category: string; count: string }> = await this.dataSource.query(
      `SELECT category, count(*) AS count FROM sync_exception WHERE status IN ('open', 'retrying') GROUP BY category`,
    );
    return rows.map((row) => ({ category: row.category, count: Number(row.count) }));
  }
}
