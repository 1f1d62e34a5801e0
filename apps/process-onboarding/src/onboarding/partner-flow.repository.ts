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
  (SELECT s.detail->'customer' FROM flow_step s
    WHERE s.flow_id = f.id AND s.name = 'validate' AND s.outcome = 'CONFIRMED') AS "validatedCustomer",
  (SELECT s.detail->>'message' FROM flow_step s
    WHERE s.flow_id = f.id AND s.outcome = 'REJECTED' ORDER BY s.finished_at DESC LIMIT 1) AS rejection,
  COALESCE((SELECT json_agg(json_build_object('name', s.name, 'outcome', s.outcome,
      'finishedAt', s.finished_at) ORDER BY s.started_at, s.name)
    FROM flow_step s WHERE s.flow_id = f.id), '[]'::json) AS steps`;

/** Onboarding flows of one partner; every read requires the partner ID, so none can cross partners. */
@Injectable()
export class PartnerFlowRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(partnerId: string, flowId: string): Promise<PartnerFlowRow | undefined> {
    const rows: PartnerFlowRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM flow f WHERE f.kind = $1 AND f.partner_id = $2 AND f.id = $3`,
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
      `SELECT ${COLUMNS} FROM flow f
        WHERE f.kind = $1 AND f.partner_id = $2
          AND ($3::text IS NULL OR f.entity_id = $3)
          AND ($4::timestamptz IS NULL OR (f.created_at, f.id) < ($4::timestamptz, $5::uuid))
        ORDER BY f.created_at DESC, f.id DESC
        LIMIT $6`,
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
