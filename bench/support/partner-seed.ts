import { CredentialStore } from '@concord/governance';
import { type DataSource } from '@concord/persistence';

export interface SeededPartners {
  partners: Array<{ partnerId: string; apiKey: string }>;
  marker: string;
}

const STEPS = ['crm-account', 'validate', 'erp', 'billing', 'crm-writeback'];

/**
 * `customers` synced partner onboardings spread over `partnerCount` partners, written straight into
 * the tables the partner reads use (flow and its five flow_step rows), in two set-based statements.
 */
export async function seedPartnerCustomers(
  dataSource: DataSource,
  partnerCount: number,
  customers: number,
): Promise<SeededPartners> {
  const marker = `bench-${Date.now().toString(36)}`;
  const store = new CredentialStore(dataSource);
  const partners: SeededPartners['partners'] = [];
  for (let i = 0; i < partnerCount; i += 1)
    partners.push(await store.createPartner(`${marker}-partner-${i}`, ['customers:read', 'customers:write']));
  const ids = partners.map((partner) => partner.partnerId);
  await dataSource.query(
    `INSERT INTO flow (kind, entity_id, state, partner_id, correlation_id, input, created_at, updated_at)
     SELECT 'customer-onboarding', gen_random_uuid()::text, 'synced', ($1::uuid[])[1 + i % $2],
            $3 || '-' || i,
            jsonb_build_object('customer', jsonb_build_object('name', 'Bench Customer ' || i, 'country', 'DE',
              'taxId', 'DE136695976', 'currency', 'EUR',
              'address', jsonb_build_object('line1', 'Hauptstr. ' || i, 'city', 'Berlin', 'postalCode', '10115'))),
            now() - make_interval(secs => i * 7.3), now() - make_interval(secs => i * 7.3 - 5)
       FROM generate_series(1, $4::int) AS i`,
    [ids, partnerCount, marker, customers],
  );
  await dataSource.query(
    `INSERT INTO flow_step (flow_id, name, outcome, detail, started_at, finished_at)
     SELECT f.id, s.name, 'CONFIRMED',
            CASE WHEN s.name = 'validate' THEN jsonb_build_object('customer', f.input->'customer') ELSE '{}'::jsonb END,
            f.created_at + make_interval(secs => s.n), f.created_at + make_interval(secs => s.n + 0.5)
       FROM flow f CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS s(name, n)
      WHERE f.partner_id = ANY($1::uuid[])`,
    [ids, STEPS],
  );
  await dataSource.query('ANALYZE flow');
  await dataSource.query('ANALYZE flow_step');
  return { partners, marker };
}

/** Removes what seedPartnerCustomers wrote (flow steps go with their flows). */
export async function removeSeededPartners(dataSource: DataSource, seeded: SeededPartners): Promise<void> {
  const ids = seeded.partners.map((partner) => partner.partnerId);
  await dataSource.query(`DELETE FROM flow WHERE partner_id = ANY($1::uuid[])`, [ids]);
  await dataSource.query(
    `DELETE FROM api_credential WHERE principal_type = 'partner' AND principal_id = ANY($1::uuid[])`,
    [ids],
  );
  await dataSource.query(`DELETE FROM partner WHERE id = ANY($1::uuid[])`, [ids]);
}
