import { Injectable } from '@nestjs/common';
import { DataSource, type ExceptionCategory, type ExceptionStatus } from '@concord/persistence';
import { type ExceptionPosition } from './exception-cursor.util.js';
import {
  type AuditRecord,
  type EventRecord,
  type FlowRecord,
  type StepRecord,
  type TimelineRecords,
} from './exception-timeline.mapper.js';

export interface ExceptionFilter {
  statuses?: ExceptionStatus[];
  categories?: ExceptionCategory[];
  domain?: string;
  system?: string;
  createdBefore?: Date;
  createdAfter?: Date;
  correlationId?: string;
}

export interface ExceptionRow {
  id: string;
  category: ExceptionCategory;
  status: ExceptionStatus;
  domain: string;
  system: string | null;
  entity_id: string | null;
  queue: string | null;
  job_id: string | null;
  job_name: string | null;
  correlation_id: string;
  error: unknown;
  created_at: Date;
  updated_at: Date;
  /** created_at in UTC with microseconds, for the cursor. */
  created_key: string;
}

export type ExceptionDetailRow = ExceptionRow & { payload: unknown };

const COLUMNS = `id, category, status, domain, system, entity_id, queue, job_id, job_name, correlation_id,
  error, created_at, updated_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key`;
// A timeline is for reading; an exception with more history than this shows the first rows of each source.
const TIMELINE_ROWS_PER_SOURCE = 500;

/** Stewardship reads of Concord's own exception state and what was recorded around it. */
@Injectable()
export class ExceptionReadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    filter: ExceptionFilter,
    after: ExceptionPosition | undefined,
    limit: number,
  ): Promise<ExceptionRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.statuses?.length) where.push(`status = ANY(${bind(filter.statuses)}::text[])`);
    if (filter.categories?.length) where.push(`category = ANY(${bind(filter.categories)}::text[])`);
    if (filter.domain !== undefined) where.push(`domain = ${bind(filter.domain)}`);
    if (filter.system !== undefined) where.push(`system = ${bind(filter.system)}`);
    if (filter.createdBefore) where.push(`created_at < ${bind(filter.createdBefore)}`);
    if (filter.createdAfter) where.push(`created_at > ${bind(filter.createdAfter)}`);
    if (filter.correlationId !== undefined) where.push(`correlation_id = ${bind(filter.correlationId)}`);
    if (after)
      where.push(`(created_at, id) < (${bind(after.createdAt)}::timestamptz, ${bind(after.id)}::uuid)`);
    const rows: ExceptionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM sync_exception
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT ${bind(limit)}`,
      params,
    );
    return rows;
  }

  async find(id: string): Promise<ExceptionDetailRow | undefined> {
    const rows: ExceptionDetailRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, payload FROM sync_exception WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async timeline(exceptionId: string, correlationId: string): Promise<TimelineRecords> {
    const limit = TIMELINE_ROWS_PER_SOURCE;
    const [events, flows, steps, audits] = await Promise.all([
      this.rows<EventRecord>(
        `SELECT event_id, type, domain, entity_id, source_system, source_event_id, source_version,
                payload, occurred_at
           FROM event_log WHERE correlation_id = $1 ORDER BY occurred_at, seq LIMIT $2`,
        [correlationId, limit],
      ),
      this.rows<FlowRecord>(
        `SELECT id, kind, entity_id, state, version, input, created_at, updated_at
           FROM flow WHERE correlation_id = $1 ORDER BY created_at, id LIMIT $2`,
        [correlationId, limit],
      ),
      this.rows<StepRecord>(
        `SELECT s.id, s.flow_id, f.kind, s.name, s.outcome, s.attempt, s.detail, s.started_at, s.finished_at
           FROM flow_step s JOIN flow f ON f.id = s.flow_id
          WHERE f.correlation_id = $1 ORDER BY s.started_at, s.id LIMIT $2`,
        [correlationId, limit],
      ),
      this.rows<AuditRecord>(
        `SELECT id, actor_type, actor_id, action, detail, correlation_id, at
           FROM audit_log WHERE target_type = 'sync_exception' AND target_id = $1 ORDER BY at, id LIMIT $2`,
        [exceptionId, limit],
      ),
    ]);
    return { events, flows, steps, audits };
  }

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const rows: T[] = await this.dataSource.query(sql, params);
    return rows;
  }
}
