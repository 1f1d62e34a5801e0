import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { currentCorrelationId } from '@concord/observability';
import { AuditLogRepository, DataSource, OutboxRepository, updateRows } from '@concord/persistence';
import { QueueNames } from '@concord/platform';
import { QueueName, WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJobV1 } from '@concord/queues';
import { type WebhookResendResultDto } from './webhook-delivery-views.dto.js';

/**
 * Sends a delivery again with a fresh round of retries. The new schedule step, the audit entry and the
 * job's outbox row commit together; a retry still queued from the old schedule finds itself superseded.
 */
@Injectable()
export class ResendWebhookDeliveryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
    private readonly outbox: OutboxRepository,
    private readonly queueNames: QueueNames,
  ) {}

  execute(id: string, operatorId: string): Promise<WebhookResendResultDto> {
    const correlationId = currentCorrelationId() ?? `resend-${id}`;
    return this.dataSource.transaction(async (manager) => {
      const rows = await updateRows<{ seq: number; previous: string }>(
        manager,
        `UPDATE webhook_delivery d SET status = 'pending', schedule_seq = d.schedule_seq + 1, round_attempts = 0,
                next_attempt_at = now(), updated_at = now()
           FROM (SELECT id, status FROM webhook_delivery WHERE id = $1 FOR UPDATE) old
          WHERE d.id = old.id RETURNING d.schedule_seq AS seq, old.status AS previous`,
        [id],
      );
      const row = rows[0];
      if (!row) throw new ConcordException(ErrorCode.NOT_FOUND, 'No such webhook delivery');
      await this.audit.append(
        {
          actorType: 'operator',
          actorId: operatorId,
          action: 'webhook-delivery.resend',
          targetType: 'webhook_delivery',
          targetId: id,
          detail: { previousStatus: row.previous, seq: row.seq },
          correlationId,
        },
        manager,
      );
      await this.outbox.add(manager, [
        {
          queue: this.queueNames.of(QueueName.WebhookDeliveries),
          jobName: WEBHOOK_DELIVERY_JOB,
          entityKey: `webhook-delivery:${id}`,
          payload: { deliveryId: id, seq: row.seq } satisfies WebhookDeliveryJobV1,
          correlationId,
        },
      ]);
      return { id, status: 'pending', previousStatus: row.previous };
    });
  }
}
