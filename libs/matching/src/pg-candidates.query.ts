import { type MatchRecord, prepareRecord } from './match-record.js';

/** Where the normalized account keys live; defaults fit a `customer_match` table and the `xref` table. */
export interface CandidateTable {
  readonly table: string;
  readonly idColumn: string;
  readonly nameColumn: string;
  readonly taxIdColumn: string;
  readonly domainColumn: string;
  readonly phoneColumn: string;
  /** Table with (domain, canonical_id, system, external_id), as `xref` in libs/persistence. */
  readonly xrefTable: string;
}

export interface CandidateQueryInput {
  readonly record: MatchRecord;
  /** A vendor reference already known for the incoming account (e.g. its Salesforce ID). */
  readonly externalRef?: { readonly domain: string; readonly system: string; readonly externalId: string };
  readonly limit?: number;
  /** Drops fuzzy hits below this pg_trgm similarity (the `%` operator already applies `pg_trgm.similarity_threshold`, 0.3 by default). */
  readonly minNameSimilarity?: number;
  readonly layout?: Partial<CandidateTable>;
}

/** Rows: `id`, `normalized_name`, `name_similarity` (0..1) and `exact_keys` (e.g. `{taxId,phone}`). */
export interface CandidateQuery {
  readonly text: string;
  readonly values: unknown[];
}

export const DEFAULT_CANDIDATE_TABLE: CandidateTable = {
  table: 'customer_match',
  idColumn: 'id',
  nameColumn: 'normalized_name',
  taxIdColumn: 'tax_id',
  domainColumn: 'domain',
  phoneColumn: 'phone',
  xrefTable: 'xref',
};

function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name))
    throw new Error(`not a plain SQL identifier: ${name}`);
  return name
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

/**
 * The indexes the candidate query needs: a trigram GIN index on the normalized name (for `%` and
 * `similarity()`) and btree indexes on the exact keys, so PostgreSQL answers with one BitmapOr. The
 * trigram index keeps no pending list: with one, each search compares every row added since the last
 * vacuum, which during a bulk load is most of them.
 */
export function candidateIndexDdl(layout: Partial<CandidateTable> = {}): string[] {
  const t = { ...DEFAULT_CANDIDATE_TABLE, ...layout };
  const table = identifier(t.table);
  const base = t.table.replace(/\./g, '_');
  return [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    // `%` is declared as cheap as `=`; at its real cost the planner uses the trigram index on tables of
    // a few thousand rows instead of comparing every name. Without ownership of the extension, skipped.
    `DO $$ BEGIN ALTER FUNCTION similarity_op(text, text) COST 100; EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`,
    `CREATE INDEX IF NOT EXISTS "${base}_name_trgm" ON ${table} USING gin (${identifier(t.nameColumn)} gin_trgm_ops) WITH (fastupdate = off)`,
    ...[t.taxIdColumn, t.domainColumn, t.phoneColumn].map(
      (column) => `CREATE INDEX IF NOT EXISTS "${base}_${column}" ON ${table} (${identifier(column)})`,
    ),
  ];
}

/** SQL + parameters that fetch match candidates: fuzzy on the normalized name, exact on tax ID, domain, phone, xref. */
export function buildCandidateQuery(input: CandidateQueryInput): CandidateQuery {
  const t = { ...DEFAULT_CANDIDATE_TABLE, ...input.layout };
  const prepared = prepareRecord(input.record);
  const values: unknown[] = [prepared.name];
  const param = (value: unknown) => `$${values.push(value)}`;
  const col = (name: string) => `c.${identifier(name)}`;
  const exact: { key: string; condition: string }[] = [];
  if (prepared.taxId)
    exact.push({ key: 'taxId', condition: `${col(t.taxIdColumn)} = ${param(prepared.taxId)}` });
  if (prepared.domain)
    exact.push({ key: 'domain', condition: `${col(t.domainColumn)} = ${param(prepared.domain)}` });
  if (prepared.phone)
    exact.push({ key: 'phone', condition: `${col(t.phoneColumn)} = ${param(prepared.phone)}` });
  if (input.externalRef) {
    const { domain, system, externalId } = input.externalRef;
    // `= ANY(ARRAY(subquery))` is evaluated once, before the scan, so this branch is an index probe
    // like the others and the OR stays a BitmapOr; `IN (subquery)` would force a scan of every row.
    exact.push({
      key: 'xref',
      condition:
        `${col(t.idColumn)} = ANY(ARRAY(SELECT x.canonical_id FROM ${identifier(t.xrefTable)} x WHERE x.domain = ${param(domain)}` +
        ` AND x.system = ${param(system)} AND x.external_id = ${param(externalId)}))`,
    });
  }
  const fuzzy = input.minNameSimilarity
    ? `(${col(t.nameColumn)} % $1 AND similarity(${col(t.nameColumn)}, $1) >= ${param(input.minNameSimilarity)})`
    : `${col(t.nameColumn)} % $1`;
  const keys = exact.map(({ key, condition }) => `CASE WHEN ${condition} THEN '${key}' END`);
  const exactKeys =
    keys.length > 0 ? `array_remove(ARRAY[${keys.join(', ')}]::text[], NULL)` : `'{}'::text[]`;
  const text = [
    `SELECT ${col(t.idColumn)} AS id, ${col(t.nameColumn)} AS normalized_name,`,
    `  similarity(${col(t.nameColumn)}, $1) AS name_similarity, ${exactKeys} AS exact_keys`,
    `FROM ${identifier(t.table)} c`,
    `WHERE ${[fuzzy, ...exact.map(({ condition }) => condition)].join(' OR ')}`,
    `ORDER BY cardinality(${exactKeys}) DESC, name_similarity DESC, id`,
    `LIMIT ${param(input.limit ?? 20)}`,
  ].join('\n');
  return { text, values };
}
