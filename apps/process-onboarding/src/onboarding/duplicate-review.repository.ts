import { Injectable } from '@nestjs/common';
import { AuditLogRepository, type EntityManager } from '@concord/persistence';
import { QueueNames } from '@concord/platform';
import { QueueName } from '@concord/queues';
import { type FlowRow } from './onboarding-flow.repository.js';

/** The `duplicate-review` exception of a flow: one per flow, whatever the retries. */
export const reviewJobId = (flowId: string): string => `${flowId}.match-review`;

/** Closes a flow's duplicate review: the exception resolved and the steward's verdict in the audit log. */
@Injectable()
export class DuplicateReviewRepository {
  constructor(
    private readonly audit: AuditLogRepository,
    private readonly queueNames: QueueNames,
  ) {}

  async resolve(
    manager: EntityManager,
    flow: FlowRow,
    actorId: string,
    decision: Record<string, unknown>,
  ): Promise<void> {
    const resolved: Array<{ id: string }> = await manager.query(
      // Wrapped in a SELECT: the driver answers a bare UPDATE … RETURNING with [rows, count].
      `WITH changed AS (
         UPDATE sync_exception SET status = 'resolved', updated_at = now()
          WHERE queue = $1 AND job_id = $2 AND status IN ('open', 'retrying') RETURNING id)
       SELECT id FROM changed`,
      [this.queueNames.of(QueueName.Onboarding), reviewJobId(flow.id)],
    );
    const entry = { actorType: 'operator', actorId, correlationId: flow.correlationId };
    await this.audit.append(
      {
        ...entry,
        action: 'onboarding.match-decision',
        targetType: 'flow',
        targetId: flow.id,
        detail: decision,
      },
      manager,
    );
    for (const row of resolved) {
      await this.audit.append(
        {
          ...entry,
          action: 'exception.resolve',
          targetType: 'sync_exception',
          targetId: row.id,
          detail: { previousStatus: 'open', status: 'resolved', onboardingId: flow.id, ...decision },
        },
        manager,
      );
    }
  }
}
