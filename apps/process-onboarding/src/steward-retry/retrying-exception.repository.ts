import { Injectable } from '@nestjs/common';
import {
  AuditLogRepository,
  DataSource,
  type EntityManager,
  type ExceptionStatus,
} from '@concord/persistence';

export interface RetryingException {
  id: string;
  queue: string;
  jobId: string | null;
  payload: unknown;
  correlationId: string;
  updatedAt: Date;
}

export const PROCESS_ACTOR = { actorType: 'process', actorId: 'process-onboarding' } as const;

/** Steward exceptions waiting in `retrying` for this app, claimed one at a time under a row lock. */
@Injectable()
export class RetryingExceptionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  async waiting(queues: readonly string[], limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM sync_exception WHERE status = 'retrying' AND domain = 'customer' AND queue = ANY($1)
        ORDER BY updated_at LIMIT $2`,
      [queues, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The exception if it is still `retrying` and no other replica holds it. */
  async claim(manager: EntityManager, id: string): Promise<RetryingException | undefined> {
    const rows: RetryingException[] = await manager.query(
      `SELECT id, queue, job_id AS "jobId", payload, correlation_id AS "correlationId", updated_at AS "updatedAt"
         FROM sync_exception WHERE id = $1 AND status = 'retrying' FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows[0];
  }

  /** Moves the exception on and audits why, in the caller's transaction. */
  async settle(
    manager: EntityManager,
    exception: RetryingException,
    status: ExceptionStatus,
    action: string,
    detail: Record<string, unknown>,
    /** Merged into the stored error, so the original reason stays readable. */
    error?: Record<string, unknown>,
  ): Promise<void> {
    await manager.query(
      `UPDATE sync_exception SET status = $2, error = error || COALESCE($3::jsonb, '{}'::jsonb), updated_at = now()
        WHERE id = $1`,
      [exception.id, status, error === undefined ? null : JSON.stringify(error)],
    );
    await this.audit.append(
      {
        ...PROCESS_ACTOR,
        action,
        targetType: 'sync_exception',
        targetId: exception.id,
        detail: { ...detail, previousStatus: 'retrying', status },
        correlationId: exception.correlationId,
      },
      manager,
    );
  }
}
