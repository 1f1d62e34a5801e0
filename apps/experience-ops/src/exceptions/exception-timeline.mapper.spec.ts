import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTimeline } from './exception-timeline.mapper.js';

const at = (iso: string) => new Date(iso);

describe('exception timeline', () => {
  it('merges events, flows, steps and audit rows into one time-ordered story', () => {
    const timeline = buildTimeline({
      events: [
        {
          event_id: 'e1',
          type: 'customer.changed',
          domain: 'customer',
          entity_id: 'c1',
          source_system: 'crm',
          source_event_id: 's1',
          source_version: null,
          payload: { name: 'Contoso' },
          occurred_at: at('2026-11-23T10:00:00.000Z'),
        },
      ],
      flows: [
        {
          id: 'f1',
          kind: 'onboarding',
          entity_id: 'c1',
          state: 'failed',
          version: 3,
          input: {},
          created_at: at('2026-11-23T10:00:01.000Z'),
          updated_at: at('2026-11-23T10:00:05.000Z'),
        },
      ],
      steps: [
        {
          id: 's1',
          flow_id: 'f1',
          kind: 'onboarding',
          name: 'create-erp-customer',
          outcome: 'REJECTED',
          attempt: 2,
          detail: { reason: 'tax ID' },
          started_at: at('2026-11-23T10:00:01.000Z'),
          finished_at: null,
        },
      ],
      audits: [
        {
          id: '7',
          actor_type: 'operator',
          actor_id: 'o1',
          action: 'exception.discard',
          detail: { reason: 'test' },
          correlation_id: 'r1',
          at: at('2026-11-23T09:00:00.000Z'),
        },
      ],
    });
    assert.deepEqual(
      timeline.map((item) => [item.at, item.source]),
      [
        ['2026-11-23T09:00:00.000Z', 'audit'],
        ['2026-11-23T10:00:00.000Z', 'event'],
        ['2026-11-23T10:00:01.000Z', 'flow'],
        ['2026-11-23T10:00:01.000Z', 'step'],
      ],
    );
    assert.equal(timeline[3]?.summary, 'create-erp-customer REJECTED (attempt 2)');
    assert.equal(timeline[1]?.summary, 'customer.changed from crm');
    assert.deepEqual(timeline[1]?.data.payload, { name: 'Contoso' });
    assert.ok(!('ms' in timeline[0]!));
  });

  it('is empty when nothing was recorded', () => {
    assert.deepEqual(buildTimeline({ events: [], flows: [], steps: [], audits: [] }), []);
  });
});
