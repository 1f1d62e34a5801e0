import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { testDatabaseUrl, uniqueId } from '@concord/testing';
import { prepareRecord } from './match-record.js';
import { buildCandidateQuery, candidateIndexDdl } from './pg-candidates.query.js';

interface CandidateRow {
  id: string;
  normalized_name: string;
  name_similarity: number;
  exact_keys: string[];
}

describe('buildCandidateQuery against PostgreSQL (pg_trgm)', () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  const table = uniqueId('match_');
  const xrefTable = `${table}_xref`;
  const layout = { table, xrefTable };
  const accounts = [
    { id: '00000000-0000-4000-8000-000000000001', name: 'Arnie Morton’s of Chicago', phone: '310/246-1501' },
    {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'Acme Maschinenbau GmbH',
      taxId: 'DE136695976',
      domain: 'acme.de',
    },
    { id: '00000000-0000-4000-8000-000000000003', name: 'Campanile', phone: '213/938-1447' },
    {
      id: '00000000-0000-4000-8000-000000000004',
      name: 'Nova Widgets Ltd',
      domain: 'https://novawidgets.io',
    },
  ];

  before(async () => {
    await client.connect();
    await client.query(
      `CREATE TABLE "${table}" (id uuid PRIMARY KEY, normalized_name text NOT NULL, tax_id text, domain text, phone text)`,
    );
    await client.query(
      `CREATE TABLE "${xrefTable}" (domain text, canonical_id uuid, system text, external_id text)`,
    );
    for (const statement of candidateIndexDdl(layout)) await client.query(statement);
    for (const account of accounts) {
      const p = prepareRecord(account);
      await client.query(`INSERT INTO "${table}" VALUES ($1, $2, $3, $4, $5)`, [
        account.id,
        p.name,
        p.taxId || null,
        p.domain || null,
        p.phone || null,
      ]);
    }
    await client.query(`INSERT INTO "${xrefTable}" VALUES ('customer', $1, 'salesforce', '001XX0000001')`, [
      accounts[3]!.id,
    ]);
  });

  after(async () => {
    await client.query(`DROP TABLE IF EXISTS "${table}", "${xrefTable}"`);
    await client.end();
  });

  const run = async (input: Parameters<typeof buildCandidateQuery>[0]) => {
    const query = buildCandidateQuery({ ...input, layout });
    return (await client.query<CandidateRow>(query.text, query.values)).rows;
  };

  it('finds a misspelt name by trigram similarity', async () => {
    const rows = await run({ record: { id: 'n1', name: 'Arnie Mortons of Chicago Inc.' } });
    assert.equal(rows[0]?.id, accounts[0]!.id);
    assert.ok(rows[0].name_similarity > 0.8);
    assert.deepEqual(rows[0].exact_keys, []);
  });

  it('finds exact tax ID, phone and domain hits whatever the name, and says which keys matched', async () => {
    const rows = await run({
      record: {
        id: 'n2',
        name: 'Totally Else',
        taxId: 'de 136 695 976',
        domain: 'www.acme.de',
        phone: '213-938-1447',
      },
    });
    const byId = new Map(rows.map((row) => [row.id, row.exact_keys]));
    assert.deepEqual(byId.get(accounts[1]!.id), ['taxId', 'domain']);
    assert.deepEqual(byId.get(accounts[2]!.id), ['phone']);
    assert.equal(rows[0]?.id, accounts[1]!.id);
  });

  it('finds the account a vendor reference already points at', async () => {
    const rows = await run({
      record: { id: 'n3', name: 'Unrelated' },
      externalRef: { domain: 'customer', system: 'salesforce', externalId: '001XX0000001' },
    });
    assert.deepEqual(
      rows.map((row) => [row.id, row.exact_keys]),
      [[accounts[3]!.id, ['xref']]],
    );
  });

  it('answers from the indexes, not a scan of every account, whichever keys the record has', async () => {
    await client.query(
      `INSERT INTO "${table}" SELECT gen_random_uuid(), 'filler account ' || i, 'X' || i, 'd' || i || '.example', '+1' || i
         FROM generate_series(1, 5000) i`,
    );
    await client.query(
      `INSERT INTO "${xrefTable}" SELECT 'customer', id, 'salesforce', 'F' || id FROM "${table}" WHERE tax_id LIKE 'X%'`,
    );
    try {
      await client.query(`ANALYZE "${table}"`);
      await client.query(`ANALYZE "${xrefTable}"`);
      const query = buildCandidateQuery({
        record: {
          id: 'p1',
          name: 'Acme Maschinenbau',
          taxId: 'DE136695976',
          domain: 'acme.de',
          phone: '213-938-1447',
        },
        externalRef: { domain: 'customer', system: 'salesforce', externalId: '001XX0000001' },
        layout,
      });
      const plan = await client.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) ${query.text}`,
        query.values,
      );
      const text = JSON.stringify(plan.rows[0]?.['QUERY PLAN']);
      assert.doesNotMatch(text, new RegExp(`"Seq Scan"[^}]*"Relation Name":"${table}"`));
      assert.match(text, /BitmapOr/);
    } finally {
      // The filler rows would change what the later tests find.
      await client.query(`DELETE FROM "${xrefTable}" WHERE external_id LIKE 'F%'`);
      await client.query(`DELETE FROM "${table}" WHERE tax_id LIKE 'X%'`);
    }
  });

  it('returns nothing for a record that resembles no account, and honours the limit', async () => {
    assert.deepEqual(await run({ record: { id: 'n4', name: 'Zyxwvu' } }), []);
    assert.equal(
      (await run({ record: { id: 'n5', name: 'Campanile Acme', phone: '310-246-1501' }, limit: 1 })).length,
      1,
    );
  });
});
