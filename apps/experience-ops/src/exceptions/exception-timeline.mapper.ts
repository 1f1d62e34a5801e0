import { type TimelineEntryDto, type TimelineSource } from './exception-views.dto.js';

export interface EventRecord {
  event_id: string;
  type: string;
  domain: string;
  entity_id: string;
  source_system: string;
  source_event_id: string;
  source_version: string | null;
  payload: unknown;
  occurred_at: Date;
}

export interface FlowRecord {
  id: string;
  kind: string;
  entity_id: string;
  state: string;
  version: number;
  input: unknown;
  created_at: Date;
  updated_at: Date;
}

export interface StepRecord {
  id: string;
  flow_id: string;
  kind: string;
  name: string;
  outcome: string;
  attempt: number;
  detail: unknown;
  started_at: Date;
  finished_at: Date | null;
}

export interface AuditRecord {
  id: string;
  actor_type: string;
  actor_id: string;
  action: string;
  detail: unknown;
  correlation_id: string | null;
  at: Date;
}

export interface TimelineRecords {
  events: EventRecord[];
  flows: FlowRecord[];
  steps: StepRecord[];
  audits: AuditRecord[];
}

// At the same instant a flow starts before its steps, and a steward acts after what they saw.
const SOURCE_ORDER: Record<TimelineSource, number> = { event: 0, flow: 1, step: 2, audit: 3 };

/** One time-ordered story from the event log, the flows and their steps, and the audit log. */
export function buildTimeline(records: TimelineRecords): TimelineEntryDto[] {
  const entries: Array<TimelineEntryDto & { ms: number }> = [
    ...records.events.map((row) =>
      entry(row.occurred_at, 'event', `${row.type} from ${row.source_system}`, {
        eventId: row.event_id,
        type: row.type,
        domain: row.domain,
        entityId: row.entity_id,
        sourceSystem: row.source_system,
        sourceEventId: row.source_event_id,
        sourceVersion: row.source_version,
        payload: row.payload,
      }),
    ),
    ...records.flows.map((row) =>
      entry(row.created_at, 'flow', `${row.kind} flow for ${row.entity_id}: ${row.state}`, {
        flowId: row.id,
        kind: row.kind,
        entityId: row.entity_id,
        state: row.state,
        version: row.version,
        input: row.input,
        updatedAt: row.updated_at.toISOString(),
      }),
    ),
    ...records.steps.map((row) =>
      entry(row.started_at, 'step', `${row.name} ${row.outcome} (attempt ${row.attempt})`, {
        flowId: row.flow_id,
        stepId: row.id,
        flowKind: row.kind,
        name: row.name,
        outcome: row.outcome,
        attempt: row.attempt,
        detail: row.detail,
        finishedAt: row.finished_at?.toISOString() ?? null,
      }),
    ),
    ...records.audits.map((row) =>
      entry(row.at, 'audit', `${row.action} by ${row.actor_type} ${row.actor_id}`, {
        action: row.action,
        actorType: row.actor_type,
        actorId: row.actor_id,
        detail: row.detail,
        correlationId: row.correlation_id,
      }),
    ),
  ];
  entries.sort((a, b) => a.ms - b.ms || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source]);
  return entries.map(({ at, source, summary, data }) => ({ at, source, summary, data }));
}

function entry(
  at: Date,
  source: TimelineSource,
  summary: string,
  data: Record<string, unknown>,
): TimelineEntryDto & { ms: number } {
  return { at: at.toISOString(), source, summary, data, ms: at.getTime() };
}
