import { Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';
import { FLOW_KIND } from './onboarding-steps.js';

/** A flow as partner-scoped reads see it: the saga's steps without their payloads. */
export interface PartnerFlowRow {
  id: string;
  concordId: string;
  state: string;
  input: { customer?: Record<string, unknown> };
  validatedCustomer: Record<string, unknown> | null;
  rejection: string | null;
  steps: Array<{ name: string; outcome: string; finishedAt: string | null }>;
  createdAt: Date;
  updatedAt: Date;
  /** created_at with microseconds, for the cursor. */
  position: string;
}

/** Where a page of flows starts: after the (created_at, id) of the last row delivered. */
export interface FlowPosition {
  createdAt: string;
  id: string;
}

const COLUMNS = `f.id, f.entity_id AS "concordId", f.state, f.input,
  f.created_at AS "createdAt", f.updated_at AS "updatedAt",
  to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position,
  st.validated AS "validatedCustomer", st.rejection, COALESCE(st.steps, '[]'::json) AS steps`;

/** One pass over a flow's steps gives all three: the step list, the validated customer, the rejection. */
const STEPS = `LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('name', s.name, 'outcome', s.outcome, 'finishedAt', s.finished_at)
             ORDER BY s.started_at, s.name) AS steps,
           (array_agg(s.detail->'customer') FILTER (WHERE s.name = 'validate' AND s.outcome = 'CONFIRMED'))[1]
             AS validated,
           (array_agg(s.detail->>'message' ORDER BY s.finished_at DESC) FILTER (WHERE s.outcome = 'REJECTED'))[1]
             AS rejection
      FROM flow_step s WHERE s.flow_id = f.id) st ON true`;

/** Onboarding flows of one partner; every read requires the partner ID, so none can cross partners. */
@Injectable()
export class PartnerFlowRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(partnerId: string, flowId: string): Promise<PartnerFlowRow | undefined> {
    const rows: PartnerFlowRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM flow f ${STEPS} WHERE f.kind = $1 AND f.partner_id = $2 AND f.id = $3`,
      [FLOW_KIND, partnerId, flowId],
    );
    return rows[0];
  }

  /** Newest first; `limit` rows at most after `after`, optionally of one canonical customer. */
  async page(
    partnerId: string,
    options: { after?: FlowPosition; limit: number; concordId?: string },
  ): Promise<PartnerFlowRow[]> {
    return this.dataSource.query(
      // The page first, then the steps of its rows only.
      `SELECT ${COLUMNS}
         FROM (SELECT * FROM flow
                WHERE kind = $1 AND partner_id = $2
                  AND ($3::text IS NULL OR entity_id = $3)
                  AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
                ORDER BY created_at DESC, id DESC
                LIMIT $6) f ${STEPS}
        ORDER BY f.created_at DESC, f.id DESC`,
      [
        FLOW_KIND,
        partnerId,
        options.concordId ?? null,
        options.after?.createdAt ?? null,
        options.after?.id ?? null,
        options.limit,
      ],
    );
  }
}
