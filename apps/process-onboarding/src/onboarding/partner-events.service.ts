import { Injectable } from '@nestjs/common';
import { type EntityManager, OutboxRepository } from '@concord/persistence';
import { QueueNames } from '@concord/platform';
import {
  PARTNER_EVENT_JOB,
  partnerEventId,
  type PartnerEventJobV1,
  type PartnerEventType,
  QueueName,
} from '@concord/queues';
import { FLOW_KIND, type FlowState } from './onboarding-steps.js';

const EVENT_OF_STATE: Partial<Record<FlowState, PartnerEventType>> = {
  synced: 'customer.onboarding.completed',
  rejected: 'customer.onboarding.rejected',
};

interface EndedFlow {
  partner_id: string | null;
  entity_id: string;
  correlation_id: string;
  rejection: string | null;
}

/**
 * Tells the partner edge that a partner's onboarding ended. The outbox row is written by the
 * transaction that sets the terminal state, so the state and the event can never diverge; the edge
 * fans the event out to the partner's webhook endpoints.
 */
@Injectable()
export class PartnerEventsService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queueNames: QueueNames,
  ) {}

  /** Whether reaching this state can raise a partner event; the other states need no transaction. */
  raisesEvent(state: FlowState): boolean {
    return EVENT_OF_STATE[state] !== undefined;
  }

  async onFlowState(manager: EntityManager, flowId: string, state: FlowState): Promise<void> {
    const type = EVENT_OF_STATE[state];
    if (!type) return;
    const rows: EndedFlow[] = await manager.query(
      `SELECT f.partner_id, f.entity_id, f.correlation_id,
              (SELECT s.detail->>'message' FROM flow_step s WHERE s.flow_id = f.id AND s.outcome = 'REJECTED'
                ORDER BY s.finished_at DESC LIMIT 1) AS rejection
         FROM flow f WHERE f.id = $1 AND f.kind = $2`,
      [flowId, FLOW_KIND],
    );
    const flow = rows[0];
    if (!flow?.partner_id) return;
    const payload: PartnerEventJobV1 = {
      partnerId: flow.partner_id,
      event: {
        id: partnerEventId(flowId, type),
        type,
        created: Math.floor(Date.now() / 1000),
        data: {
          customerId: flow.entity_id,
          onboardingId: flowId,
          status: state === 'synced' ? 'synced' : 'rejected',
          ...(state === 'rejected' && flow.rejection ? { message: flow.rejection } : {}),
        },
      },
    };
    await this.outbox.add(manager, [
      {
        queue: this.queueNames.of(QueueName.PartnerEvents),
        jobName: PARTNER_EVENT_JOB,
        entityKey: `partner-event:${flowId}`,
        payload: { v: 1, correlationId: flow.correlation_id, data: payload },
        correlationId: flow.correlation_id,
      },
    ]);
  }
}
