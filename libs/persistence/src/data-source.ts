import { DataSource } from 'typeorm';
import { ApiCredentialEntity } from './entities/api-credential.entity.js';
import { AuditLogEntity } from './entities/audit-log.entity.js';
import { CustomerEntity } from './entities/customer.entity.js';
import { EventLogEntity } from './entities/event-log.entity.js';
import { FlowStepEntity } from './entities/flow-step.entity.js';
import { FlowEntity } from './entities/flow.entity.js';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
import { OperatorEntity } from './entities/operator.entity.js';
import { OutboxEntity } from './entities/outbox.entity.js';
import { PartnerEntity } from './entities/partner.entity.js';
import { SyncExceptionEntity } from './entities/sync-exception.entity.js';
import { XrefEntity } from './entities/xref.entity.js';
import { Foundation1732350000000 } from './migrations/1732350000000-foundation.js';
import { PartnerFlowIndex1732350100000 } from './migrations/1732350100000-partner-flow-index.js';
import { CanonicalCustomer1732350150000 } from './migrations/1732350150000-canonical-customer.js';
import { ChangeConsumer1732350300000 } from './migrations/1732350300000-change-consumer.js';
import { FinanceDimensionRule1732350200000 } from './migrations/1732350200000-finance-dimension-rule.js';
import { PartnerWebhooks1732350400000 } from './migrations/1732350400000-partner-webhooks.js';
import { PartnerCredentials1732350410000 } from './migrations/1732350410000-partner-credentials.js';
import { RateLimit1732350420000 } from './migrations/1732350420000-rate-limit.js';
import { TrigramSearch1732350430000 } from './migrations/1732350430000-trigram-search.js';
import { detectSharedSession } from './prepared-query.js';

export const ENTITIES = [
  XrefEntity,
  EventLogEntity,
  OutboxEntity,
  IdempotencyKeyEntity,
  FlowEntity,
  FlowStepEntity,
  SyncExceptionEntity,
  AuditLogEntity,
  PartnerEntity,
  OperatorEntity,
  ApiCredentialEntity,
  CustomerEntity,
];

export const MIGRATIONS = [
  Foundation1732350000000,
  PartnerFlowIndex1732350100000,
  CanonicalCustomer1732350150000,
  ChangeConsumer1732350300000,
  FinanceDimensionRule1732350200000,
  PartnerWebhooks1732350400000,
  PartnerCredentials1732350410000,
  RateLimit1732350420000,
  TrigramSearch1732350430000,
];

export interface DataSourceSettings {
  url: string;
  appName: string;
  poolSize?: number;
}

/** A TypeORM data source over `pg`; schema changes only ever come from migrations. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    migrationsTableName: 'concord_migrations',
    applicationName: settings.appName,
    // Two at least: migrations hold one connection for the advisory lock while running on another.
    extra: {
      max: Math.max(2, settings.poolSize ?? 10),
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    },
  });
}

// Any fixed number works; every Concord process agrees on it so only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_340_211;

/** Runs pending migrations under an advisory lock so replicas booting together do not race. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}

/** How long an app waits at boot for a database that does not answer (one starting next to it, say). */
const CONNECT_WAIT_MS = 20_000;

/**
 * Opens the data source and brings the schema up to date. A server that does not answer is tried
 * again for a while (apps often start next to their database); one still unreachable after that
 * gets a readable error.
 */
export async function connectDatabase(settings: DataSourceSettings): Promise<DataSource> {
  const deadline = Date.now() + CONNECT_WAIT_MS;
  for (let pause = 250; ; pause = Math.min(pause * 2, 2_000)) {
    const dataSource = createDataSource(settings);
    try {
      await dataSource.initialize();
      await runMigrations(dataSource);
      await detectSharedSession(dataSource);
      return dataSource;
    } catch (error) {
      if (dataSource.isInitialized) {
        await dataSource.destroy().catch(() => undefined);
        throw error;
      }
      if (refusedForGood(error) || Date.now() + pause > deadline)
        throw new DatabaseUnreachableError(settings.url, error);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Wrong credentials or a missing database do not get better by waiting. */
function refusedForGood(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '28P01' || code === '28000' || code === '3D000';
}

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`PostgreSQL is not reachable at ${redactUrl(url)}: ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** Hides the password of a connection URL so it can appear in messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}
