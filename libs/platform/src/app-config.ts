import { ConfigError, integer } from './config-values.util.js';
import { partnerEdgeConfig, type PartnerEdgeConfig } from './partner-edge.config.js';

export { ConfigError };

import { APPS, type AppDescriptor, type AppName, defaultAppUrl, SANDBOX_PORTS } from './app-catalog.js';
import { type DeprecationSchedule, loadDeprecationSchedule } from './deprecation/deprecation.config.js';

export interface AppConfig {
  app: AppDescriptor;
  host: string;
  port: number;
  logLevel: string;
  /** Which `request served` lines are written; errors and slow requests always are. */
  accessLog: AccessLogConfig;
  /** Secret */
  databaseUrl: string;
  /** Secret */
  redisUrl: string | undefined;
  /** Secret: signs and verifies service tokens between layers. */
  serviceTokenSecret: string;
  bodyLimitBytes: number;
  /** How long an Idempotency-Key claim may stay in progress before a retry takes it over (its owner died). */
  idempotencyLeaseSeconds: number;
  /** Prefix of this deployment's queue names, so stacks sharing one job store never take each other's jobs. */
  queueNamespace: string;
  downstream: Partial<Record<AppName, string>>;
  vendors: { salesforceUrl: string; businessCentralUrl: string; stripeUrl: string };
  salesforce: { clientId: string; /** Secret */ clientSecret: string; apiVersion: string };
  businessCentral: {
    tenant: string;
    environment: string;
    clientId: string;
    /** Secret */
    clientSecret: string;
    /** Token endpoint; defaults to `<vendor url>/<tenant>/oauth2/v2.0/token` (the sandbox layout). */
    tokenUrl: string;
  };
  stripe: { /** Secret */ secretKey: string; /** Secret */ webhookSecret: string | undefined };
  /** Triggers of the onboarding saga besides its API (read by process-onboarding). */
  onboardingTriggers: OnboardingTriggersConfig;
  /** Dates announced on superseded API versions. */
  deprecations: DeprecationSchedule;
  partnerEdge: PartnerEdgeConfig;
}

export interface OnboardingTriggersConfig {
  /** How often the CRM change feed is read, in ms; 0 turns the CRM trigger off. */
  crmPollMs: number;
  /** Changes read per page of the feed. */
  crmPageSize: number;
  /** CRM account types (Salesforce `Account.Type`) whose accounts are onboarded. */
  crmAccountTypes: string[];
  /** How often steward retries are picked up, in ms; 0 turns the pick-up off. */
  stewardRetryPollMs: number;
}

export interface AccessLogConfig {
  /** Share (0–1) of fast 2xx/3xx requests that get an access line; decided once per correlation ID. */
  sampleRate: number;
  /** A request at least this slow always gets its line. */
  slowMs: number;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/concord';
const DEVELOPMENT_TOKEN_SECRET = 'concord-development-service-token-secret';

function fraction(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${name} must be a number between 0 and 1, got "${raw}"`);
  }
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  return raw.replace(/\/$/, '');
}

/** Layers call downward only: an app knows the URLs of the layer directly below it, nothing else. */
function downstreamOf(app: AppDescriptor): AppName[] {
  const below = app.layer === 'experience' ? 'process' : app.layer === 'process' ? 'system' : undefined;
  return below
    ? Object.values(APPS)
        .filter((candidate) => candidate.layer === below)
        .map((candidate) => candidate.name)
    : [];
}

function accountTypes(env: NodeJS.ProcessEnv): string[] {
  const raw = env.ONBOARDING_CRM_ACCOUNT_TYPES ?? 'Customer';
  const types = raw
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type !== '');
  if (types.length === 0 || types.some((type) => type.length > 40)) {
    throw new ConfigError(`ONBOARDING_CRM_ACCOUNT_TYPES must list account types, got "${raw}"`);
  }
  return types;
}

function queueNamespace(env: NodeJS.ProcessEnv): string {
  const raw = env.QUEUE_NAMESPACE ?? '';
  if (!/^[a-z0-9-]{0,40}$/.test(raw)) {
    throw new ConfigError(`QUEUE_NAMESPACE must be up to 40 characters of a-z 0-9 -, got "${raw}"`);
  }
  return raw;
}

/** The only place that reads the environment; validated once at boot. */
export function loadAppConfig(name: AppName, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const app = APPS[name];
  const production = env.NODE_ENV === 'production';
  const serviceTokenSecret = env.SERVICE_TOKEN_SECRET ?? (production ? '' : DEVELOPMENT_TOKEN_SECRET);
  if (serviceTokenSecret.length < 32) {
    throw new ConfigError('SERVICE_TOKEN_SECRET must be set to at least 32 characters');
  }
  const vendors = {
    salesforceUrl: url(env, 'SALESFORCE_URL', `http://127.0.0.1:${SANDBOX_PORTS.salesforce}`),
    businessCentralUrl: url(env, 'BUSINESS_CENTRAL_URL', `http://127.0.0.1:${SANDBOX_PORTS.businessCentral}`),
    stripeUrl: url(env, 'STRIPE_URL', `http://127.0.0.1:${SANDBOX_PORTS.stripe}`),
  };
  const tenant = env.BUSINESS_CENTRAL_TENANT ?? 'concord';
  const downstream: Partial<Record<AppName, string>> = {};
  for (const target of downstreamOf(app))
    downstream[target] = url(env, APPS[target].urlEnv, defaultAppUrl(target));
  return {
    app,
    host: env.HOST ?? '127.0.0.1',
    port: integer(env, 'PORT', app.port, 0, 65535),
    logLevel: env.LOG_LEVEL ?? 'info',
    accessLog: {
      sampleRate: fraction(env, 'ACCESS_LOG_SAMPLE_RATE', 0.05),
      slowMs: integer(env, 'ACCESS_LOG_SLOW_MS', 500, 0, 3_600_000),
    },
    databaseUrl: url(env, 'DATABASE_URL', DEFAULT_DATABASE_URL),
    redisUrl: env.REDIS_URL ? url(env, 'REDIS_URL', env.REDIS_URL) : undefined,
    serviceTokenSecret,
    queueNamespace: queueNamespace(env),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    idempotencyLeaseSeconds: integer(env, 'IDEMPOTENCY_LEASE_SECONDS', 60, 1, 86_400),
    downstream,
    vendors,
    salesforce: {
      clientId: env.SALESFORCE_CLIENT_ID ?? 'concord',
      clientSecret: env.SALESFORCE_CLIENT_SECRET ?? 'concord-secret',
      apiVersion: env.SALESFORCE_API_VERSION ?? '59.0',
    },
    businessCentral: {
      tenant,
      environment: env.BUSINESS_CENTRAL_ENVIRONMENT ?? 'sandbox',
      clientId: env.BUSINESS_CENTRAL_CLIENT_ID ?? 'concord',
      clientSecret: env.BUSINESS_CENTRAL_CLIENT_SECRET ?? 'concord-secret',
      tokenUrl: url(
        env,
        'BUSINESS_CENTRAL_TOKEN_URL',
        `${vendors.businessCentralUrl}/${tenant}/oauth2/v2.0/token`,
      ),
    },
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY ?? 'sk_test_concord',
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    },
    onboardingTriggers: {
      crmPollMs: integer(env, 'CRM_CHANGES_POLL_MS', 5000, 0, 3_600_000),
      crmPageSize: integer(env, 'CRM_CHANGES_PAGE_SIZE', 200, 1, 2000),
      crmAccountTypes: accountTypes(env),
      stewardRetryPollMs: integer(env, 'STEWARD_RETRY_POLL_MS', 5000, 0, 3_600_000),
    },
    deprecations: loadDeprecationSchedule(env),
    partnerEdge: partnerEdgeConfig(env, production),
  };
}
