import { ConfigError, integer } from './config-values.util.js';

/** Settings of the partner edge: webhooks, partner tokens and default quotas. */
export interface PartnerEdgeConfig {
  /** Secret: encrypts stored webhook signing secrets. */
  webhookSecretKey: string;
  webhook: { maxAttempts: number; retryBaseMs: number; timeoutMs: number };
  /** Secret: signs the partner access tokens of `POST /oauth/token`. */
  tokenSecret: string;
  tokenTtlSeconds: number;
  /** Defaults for partners without their own limits. */
  rateLimit: { points: number; windowSeconds: number; dailyQuota: number };
}

const DEVELOPMENT_SECRETS = {
  WEBHOOK_SECRET_KEY: 'concord-development-webhook-secret-key',
  PARTNER_TOKEN_SECRET: 'concord-development-partner-token-secret',
} as const;

function secret(env: NodeJS.ProcessEnv, name: keyof typeof DEVELOPMENT_SECRETS, production: boolean): string {
  const value = env[name] ?? (production ? '' : DEVELOPMENT_SECRETS[name]);
  if (value.length < 32) throw new ConfigError(`${name} must be set to at least 32 characters`);
  return value;
}

export function partnerEdgeConfig(env: NodeJS.ProcessEnv, production: boolean): PartnerEdgeConfig {
  return {
    webhookSecretKey: secret(env, 'WEBHOOK_SECRET_KEY', production),
    webhook: {
      maxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 10, 1, 30),
      retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 5000, 1, 3_600_000),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    },
    tokenSecret: secret(env, 'PARTNER_TOKEN_SECRET', production),
    tokenTtlSeconds: integer(env, 'PARTNER_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    rateLimit: {
      points: integer(env, 'PARTNER_RATE_LIMIT', 100, 1, 1_000_000),
      windowSeconds: integer(env, 'PARTNER_RATE_WINDOW_SECONDS', 1, 1, 3600),
      dailyQuota: integer(env, 'PARTNER_DAILY_QUOTA', 100_000, 1, 1_000_000_000),
    },
  };
}
