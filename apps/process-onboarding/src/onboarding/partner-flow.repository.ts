import { Injectable } from '@nestjs/common';
import { DataSource, type PreparedStatement, queryPrepared } from '@concord/persistence';
import { FLOW_KIND } from './onboarding-steps.js';

/** A flow as partner-scoped reads see it: the saga's steps without their payloads, times in ISO. */
export interface PartnerFlowRow {
  id: string;
  concordId: string;
  state: string;
  input: { customer?: Record<string, unknown> };
  validatedCustomer: Record<string, unknown> | null;
  rejection: string | null;
  steps: Array<{ name: string; outcome: string; finishedAt: string | null }>;
  createdAt: string;
  updatedAt: string;
  /** created_at with microseconds, for the cursor. */
  position: string;
}

/** A flow as a list of customers shows it: `customer` holds `name`, `country` and `legalName` only. */
export type PartnerFlowSummaryRow = Pick<
  PartnerFlowRow,
  'id' | 'concordId' | 'state' | 'createdAt' | 'updatedAt' | 'position'
> & { customer: Record<string, string> };

/** Where a page of flows starts: after the (created_at, id) of the last row delivered. */
export interface FlowPosition {
  createdAt: string;
  id: string;
}

export interface FlowPageOptions {
  after?: FlowPosition;
  limit: number;
  concordId?: string;
}

/** ISO 8601 in UTC; milliseconds (`MS`) as `Date.prototype.toISOString` writes it, or microseconds (`US`). */
const iso = (column: string, fraction: 'MS' | 'US' = 'MS') =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.${fraction}"Z"')`;

const FLOW_FIELDS = `'id', f.id, 'concordId', f.entity_id, 'state', f.state,
  'createdAt', ${iso('f.created_at')}, 'updatedAt', ${iso('f.updated_at')},
  'position', ${iso('f.created_at', 'US')}`;
/**
 * The row as one JSON value: PostgreSQL renders it and the driver parses one field per row instead of
 * ten, which is most of a list read's cost.
 */
const ROW = `json_build_object(${FLOW_FIELDS}, 'input', f.input,
  'validatedCustomer', st.validated, 'rejection', st.rejection, 'steps', COALESCE(st.steps, '[]'::json))`;
/** As {@link ROW}, with only the customer fields a list shows (absent ones left out). */
const SUMMARY_ROW = `json_build_object(${FLOW_FIELDS}, 'customer', json_strip_nulls(json_build_object(
  'name', c.customer->>'name', 'country', c.customer->>'country', 'legalName', c.customer->>'legalName')))`;

/** One pass over a flow's steps gives all three: the step list, the validated customer, the rejection. */
const STEPS = `LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('name', s.name, 'outcome', s.outcome,
                                      'finishedAt', ${iso('s.finished_at')})
             ORDER BY s.started_at, s.name) AS steps,
           (array_agg(s.detail->'customer') FILTER (WHERE s.name = 'validate' AND s.outcome = 'CONFIRMED'))[1]
             AS validated,
           (array_agg(s.detail->>'message' ORDER BY s.finished_at DESC) FILTER (WHERE s.outcome = 'REJECTED'))[1]
             AS rejection
      FROM flow_step s WHERE s.flow_id = f.id) st ON true`;

/** The validated customer (the validate step's, by the unique (flow_id, name) key), else the input. */
const SUMMARY_CUSTOMER = `LEFT JOIN LATERAL (
    SELECT COALESCE(
      (SELECT s.detail->'customer' FROM flow_step s
        WHERE s.flow_id = f.id AND s.name = 'validate' AND s.outcome = 'CONFIRMED'),
      f.input->'customer') AS customer) c ON true`;

type RowShape = 'full' | 'summary';

/**
 * The partner's page of flows, newest first, with only the conditions the options use: each variant is
 * its own prepared statement, so its plan fits it (one customer: the entity index; a page: the partner
 * index). Parameters as {@link pageValues} lists them.
 */
function pageStatement(shape: RowShape, byCustomer: boolean, afterPosition: boolean): PreparedStatement {
  const conditions = ['kind = $1', 'partner_id = $2'];
  let next = 3;
  if (byCustomer) conditions.push(`entity_id = $${next++}`);
  if (afterPosition) conditions.push(`(created_at, id) < ($${next++}::timestamptz, $${next++}::uuid)`);
  const page = `(SELECT * FROM flow WHERE ${conditions.join(' AND ')}
    ORDER BY created_at DESC, id DESC LIMIT $${next}) f`;
  const [row, joins] = shape === 'full' ? [ROW, STEPS] : [SUMMARY_ROW, SUMMARY_CUSTOMER];
  return {
    name: `partner_flows_${shape}${byCustomer ? '_customer' : ''}${afterPosition ? '_after' : ''}`,
    text: `SELECT COALESCE(json_agg(${row} ORDER BY f.created_at DESC, f.id DESC), '[]'::json) AS rows
             FROM ${page} ${joins}`,
  };
}

const pageStatements = new Map<string, PreparedStatement>();

function pageStatementFor(shape: RowShape, options: FlowPageOptions): PreparedStatement {
  const byCustomer = options.concordId !== undefined;
  const afterPosition = options.after !== undefined;
  const key = `${shape}:${byCustomer}:${afterPosition}`;
  let statement = pageStatements.get(key);
  if (!statement) {
    statement = pageStatement(shape, byCustomer, afterPosition);
    pageStatements.set(key, statement);
  }
  return statement;
}

function pageValues(partnerId: string, options: FlowPageOptions): unknown[] {
  return [
    FLOW_KIND,
    partnerId,
    ...(options.concordId !== undefined ? [options.concordId] : []),
    ...(options.after ? [options.after.createdAt, options.after.id] : []),
    options.limit,
  ];
}

const FIND: PreparedStatement = {
  name: 'partner_flow',
  text: `SELECT ${ROW} AS row FROM flow f ${STEPS} WHERE f.kind = $1 AND f.partner_id = $2 AND f.id = $3`,
};

/** Onboarding flows of one partner; every read requires the partner ID, so none can cross partners. */
@Injectable()
export class PartnerFlowRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(partnerId: string, flowId: string): Promise<PartnerFlowRow | undefined> {
    const rows = await queryPrepared<{ row: PartnerFlowRow }>(this.dataSource, FIND, [
      FLOW_KIND,
      partnerId,
      flowId,
    ]);
    return rows[0]?.row;
  }

  /** Newest first; `limit` rows at most after `after`, optionally of one canonical customer. */
  page(partnerId: string, options: FlowPageOptions): Promise<PartnerFlowRow[]> {
    // The page first, then the steps of its rows only; the whole page comes back as one JSON array.
    return this.jsonPage<PartnerFlowRow>('full', partnerId, options);
  }

  /** The same page as {@link page} without the steps, for lists of customers. */
  summaryPage(partnerId: string, options: FlowPageOptions): Promise<PartnerFlowSummaryRow[]> {
    return this.jsonPage<PartnerFlowSummaryRow>('summary', partnerId, options);
  }

  private async jsonPage<T>(shape: RowShape, partnerId: string, options: FlowPageOptions): Promise<T[]> {
    const [result] = await queryPrepared<{ rows: T[] }>(
      this.dataSource,
      pageStatementFor(shape, options),
      pageValues(partnerId, options),
    );
    return result?.rows ?? [];
  }
}
