import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The tables of DESIGN §4 that the gateway's guarantees rest on; unique keys carry those guarantees. */
export class Foundation1732350000000 implements MigrationInterface {
  name = 'Foundation1732350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE xref (
        id bigserial PRIMARY KEY,
        domain text NOT NULL,
        canonical_id uuid NOT NULL,
        system text NOT NULL,
        external_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT xref_external_unique UNIQUE (domain, system, external_id),
        CONSTRAINT xref_canonical_unique UNIQUE (domain, canonical_id, system)
      )`);
    await db.query(`
      CREATE TABLE event_log (
        seq bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        domain text NOT NULL,
        entity_id text NOT NULL,
        source_system text NOT NULL,
        source_event_id text NOT NULL,
        source_version text,
        correlation_id text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_log_inbox_unique UNIQUE (source_system, source_event_id)
      )`);
    await db.query(`CREATE INDEX event_log_entity_idx ON event_log (domain, entity_id, seq)`);
    await db.query(`CREATE INDEX event_log_occurred_idx ON event_log (occurred_at)`);
    await db.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        entity_key text NOT NULL,
        payload jsonb NOT NULL,
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE relayed_at IS NULL`);
    await db.query(`
      CREATE TABLE idempotency_key (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await db.query(`
      CREATE TABLE flow (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        entity_id text NOT NULL,
        state text NOT NULL,
        partner_id uuid,
        correlation_id text NOT NULL,
        input jsonb NOT NULL DEFAULT '{}'::jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX flow_entity_idx ON flow (kind, entity_id)`);
    await db.query(`
      CREATE TABLE flow_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        flow_id uuid NOT NULL REFERENCES flow(id) ON DELETE CASCADE,
        name text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ACCEPTED', 'SUBMITTED', 'CONFIRMED', 'REJECTED', 'TIMED_OUT')),
        attempt integer NOT NULL DEFAULT 1,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT flow_step_unique UNIQUE (flow_id, name)
      )`);
    await db.query(`
      CREATE TABLE sync_exception (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category text NOT NULL CHECK (category IN
          ('validation', 'duplicate-review', 'ownership', 'conflict', 'rejected-by-target', 'technical')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retrying', 'resolved', 'discarded')),
        domain text NOT NULL,
        system text,
        entity_id text,
        queue text,
        job_id text,
        job_name text,
        payload jsonb NOT NULL,
        error jsonb NOT NULL,
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sync_exception_job_unique UNIQUE (queue, job_id)
      )`);
    await db.query(`CREATE INDEX sync_exception_open_idx ON sync_exception (status, category, created_at)`);
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_type text NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        correlation_id text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, at)`);
    await db.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE operator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('viewer', 'steward', 'admin')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE api_credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        principal_type text NOT NULL CHECK (principal_type IN ('partner', 'operator')),
        principal_id uuid NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX api_credential_principal_idx ON api_credential (principal_type, principal_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'api_credential',
      'operator',
      'partner',
      'audit_log',
      'sync_exception',
      'flow_step',
      'flow',
      'idempotency_key',
      'outbox',
      'event_log',
      'xref',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
