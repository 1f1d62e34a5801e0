import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from '@concord/persistence';
import { PartnerEventsService } from './partner-events.service.js';
import { FLOW_KIND, type FlowState, type StepName, type StepOutcome } from './onboarding-steps.js';

/** What a flow was started with; `customer` is the request as received, validated by the saga. */
export interface OnboardingInput {
  customer: Record<string, unknown>;
  crmAccountId?: string;
}

export interface FlowRow {
  id: string;
  concordId: string;
  state: FlowState;
  partnerId: string | null;
  correlationId: string;
  input: OnboardingInput;
  createdAt: Date;
  updatedAt: Date;
  /** The flow's step rows as they were when it was read (`find` loads them with it). */
  steps?: readonly StepRow[];
}

export interface StepRow {
  name: StepName;
  outcome: StepOutcome;
  attempt: number;
  detail: Record<string, unknown>;
  startedAt: Date;
  finishedAt: Date | null;
}

/** A step row as `json_agg` hands it over: its times are ISO strings. */
type StepJson = Omit<StepRow, 'startedAt' | 'finishedAt'> & { startedAt: string; finishedAt: string | null };

const FLOW_COLUMNS = `id, entity_id AS "concordId", state, partner_id AS "partnerId",
  correlation_id AS "correlationId", input, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The `flow` and `flow_step` rows of onboarding sagas. */
@Injectable()
export class OnboardingFlowRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partnerEvents: PartnerEventsService,
  ) {}

  async create(
    manager: EntityManager,
    flow: { concordId: string; partnerId?: string; correlationId: string; input: OnboardingInput },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO flow (kind, entity_id, state, partner_id, correlation_id, input)
       VALUES ($1, $2, 'accepted', $3, $4, $5) RETURNING id`,
      [FLOW_KIND, flow.concordId, flow.partnerId ?? null, flow.correlationId, JSON.stringify(flow.input)],
    );
    const row = rows[0];
    if (!row) throw new Error('flow insert returned no row');
    return row.id;
  }

  /** The flow with its step rows, in one query: a step job reads what earlier steps recorded from it. */
  async find(id: string): Promise<FlowRow | undefined> {
    const rows: Array<FlowRow & { steps: StepJson[] }> = await this.dataSource.query(
      `SELECT ${FLOW_COLUMNS},
                COALESCE((SELECT json_agg(json_build_object('name', s.name, 'outcome', s.outcome,
                   'attempt', s.attempt, 'detail', s.detail, 'startedAt', s.started_at,
                   'finishedAt', s.finished_at) ORDER BY s.started_at, s.name)
                   FROM flow_step s WHERE s.flow_id = flow.id), '[]') AS steps
           FROM flow WHERE id = $1 AND kind = $2`,
      [id, FLOW_KIND],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      ...row,
      steps: row.steps.map((step) => ({
        ...step,
        startedAt: new Date(step.startedAt),
        finishedAt: step.finishedAt === null ? null : new Date(step.finishedAt),
      })),
    };
  }

  /** A step row of the flow: from the rows read with it when it has them, else from the table. */
  async stepOf(flow: FlowRow, name: StepName): Promise<StepRow | undefined> {
    return flow.steps ? flow.steps.find((step) => step.name === name) : this.step(flow.id, name);
  }

  async latestForCrmAccount(crmAccountId: string, manager?: EntityManager): Promise<FlowRow | undefined> {
    const rows: FlowRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${FLOW_COLUMNS} FROM flow WHERE kind = $1 AND input->>'crmAccountId' = $2
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [FLOW_KIND, crmAccountId],
    );
    return rows[0];
  }

  async steps(flowId: string): Promise<StepRow[]> {
    return this.dataSource.query(
      `SELECT name, outcome, attempt, detail, started_at AS "startedAt", finished_at AS "finishedAt"
         FROM flow_step WHERE flow_id = $1 ORDER BY started_at, name`,
      [flowId],
    );
  }

  async step(flowId: string, name: StepName): Promise<StepRow | undefined> {
    return (await this.steps(flowId)).find((step) => step.name === name);
  }

  /** Changes the state; a partner flow's terminal state writes its partner event in the same transaction. */
  async setState(flowId: string, state: FlowState, manager?: EntityManager): Promise<void> {
    const apply = async (tx: EntityManager): Promise<void> => {
      await tx.query(
        `UPDATE flow SET state = $2, version = version + 1, updated_at = now() WHERE id = $1 AND state <> $2`,
        [flowId, state],
      );
      await this.partnerEvents.onFlowState(tx, flowId, state);
    };
    if (manager) return apply(manager);
    if (!this.partnerEvents.raisesEvent(state)) return apply(this.dataSource.manager);
    await this.dataSource.transaction(apply);
  }

  /** A step attempt begins: its ACCEPTED row and the flow's state for it, in one round trip. */
  async startStep(flowId: string, name: StepName, attempt: number, state: FlowState): Promise<void> {
    if (this.partnerEvents.raisesEvent(state)) {
      await this.markStep(flowId, name, 'ACCEPTED', attempt);
      return this.setState(flowId, state);
    }
    await this.dataSource.query(
      `WITH step AS (
         INSERT INTO flow_step (flow_id, name, outcome, attempt, detail, finished_at)
         VALUES ($1, $2, 'ACCEPTED', $3, '{}', NULL)
         ON CONFLICT (flow_id, name) DO UPDATE SET outcome = 'ACCEPTED', attempt = EXCLUDED.attempt,
           finished_at = NULL
       )
       UPDATE flow SET state = $4, version = version + 1, updated_at = now() WHERE id = $1 AND state <> $4`,
      [flowId, name, attempt, state],
    );
  }

  /**
   * Records where a step stands. ACCEPTED starts an attempt; CONFIRMED, REJECTED and TIMED_OUT end it.
   * Detail keys are merged, so what an earlier outcome stored stays readable.
   */
  async markStep(
    flowId: string,
    name: StepName,
    outcome: StepOutcome,
    attempt: number,
    detail: Record<string, unknown> = {},
    manager?: EntityManager,
  ): Promise<void> {
    const finished = outcome === 'CONFIRMED' || outcome === 'REJECTED' || outcome === 'TIMED_OUT';
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO flow_step (flow_id, name, outcome, attempt, detail, finished_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END)
       ON CONFLICT (flow_id, name) DO UPDATE SET
         outcome = EXCLUDED.outcome,
         attempt = EXCLUDED.attempt,
         detail = flow_step.detail || EXCLUDED.detail,
         finished_at = EXCLUDED.finished_at`,
      [flowId, name, outcome, attempt, JSON.stringify(detail), finished],
    );
  }

  /** The system app usually links it already; a second insert of the same pair is a no-op. */
  async linkXref(concordId: string, system: 'crm' | 'erp' | 'billing', externalId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO xref (domain, canonical_id, system, external_id) VALUES ('customer', $1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [concordId, system, externalId],
    );
  }
}
