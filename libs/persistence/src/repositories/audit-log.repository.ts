import { type DataSource, type EntityManager } from 'typeorm';

export interface AuditEntry {
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
  correlationId?: string | null;
}

export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_log (actor_type, actor_id, action, target_type, target_id, detail, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorType,
        entry.actorId,
        entry.action,
        entry.targetType,
        entry.targetId,
        JSON.stringify(entry.detail ?? {}),
        entry.correlationId ?? null,
      ],
    );
  }
}
