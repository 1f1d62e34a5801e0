import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { testDatabaseUrl } from '@concord/testing';
import { FLOW_KIND } from './onboarding-steps.js';
import { PartnerFlowRepository } from './partner-flow.repository.js';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('partner flow pages on PostgreSQL', () => {
  let dataSource: DataSource;
  let flows: PartnerFlowRepository;
  const partnerId = randomUUID();
  let validatedFlow: string;
  let receivedFlow: string;

  before(async () => {
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'partner-flow-test', poolSize: 2 });
    flows = new PartnerFlowRepository(dataSource);
    const insertFlow = async (customer: Record<string, unknown>, createdAt: string): Promise<string> => {
      const [row]: Array<{ id: string }> = await dataSource.query(
        `INSERT INTO flow (kind, entity_id, state, partner_id, correlation_id, input, created_at)
         VALUES ($1, $2, 'erp', $3, 'corr', $4, $5) RETURNING id`,
        [FLOW_KIND, randomUUID(), partnerId, { customer }, createdAt],
      );
      return row!.id;
    };
    receivedFlow = await insertFlow({ name: ' Received Ltd ', country: 'gb' }, '2025-03-04T10:00:00.000001Z');
    validatedFlow = await insertFlow(
      { name: ' Contoso GmbH ', country: 'de' },
      '2025-03-04T10:00:00.000002Z',
    );
    await dataSource.query(
      `INSERT INTO flow_step (flow_id, name, outcome, detail, finished_at)
       VALUES ($1, 'validate', 'CONFIRMED', $2, now())`,
      [validatedFlow, { customer: { name: 'Contoso GmbH', country: 'DE', taxId: 'DE136695976' } }],
    );
  });
  after(async () => {
    await dataSource.query(`DELETE FROM flow WHERE partner_id = $1`, [partnerId]);
    await dataSource.destroy();
  });

  it('summarises a page newest first: the validated customer, else the one received, no absent fields', async () => {
    const page = await flows.summaryPage(partnerId, { limit: 10 });
    assert.deepEqual(
      page.map((row) => [row.id, row.customer]),
      [
        [validatedFlow, { name: 'Contoso GmbH', country: 'DE' }],
        [receivedFlow, { name: ' Received Ltd ', country: 'gb' }],
      ],
    );
    assert.match(page[0]!.createdAt, ISO_MS);
    assert.equal(page[0]!.position, '2025-03-04T10:00:00.000002Z');
    const after = await flows.summaryPage(partnerId, {
      limit: 10,
      after: { createdAt: page[0]!.position, id: page[0]!.id },
    });
    assert.deepEqual(
      after.map((row) => row.id),
      [receivedFlow],
    );
  });

  it('answers the full page with ISO step times and the same order', async () => {
    const page = await flows.page(partnerId, { limit: 10 });
    assert.deepEqual(
      page.map((row) => row.id),
      [validatedFlow, receivedFlow],
    );
    assert.equal(page[0]!.steps[0]?.name, 'validate');
    assert.match(page[0]!.steps[0]?.finishedAt ?? '', ISO_MS);
    assert.deepEqual(page[1]!.steps, []);
    assert.equal(page[0]!.validatedCustomer?.['taxId'], 'DE136695976');
  });
});
