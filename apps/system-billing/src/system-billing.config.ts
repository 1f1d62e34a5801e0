/** Settings of the billing system app beyond the shared app config; read from the environment once, at boot. */
export interface BillingConfig {
  /** Stripe's rate limit for the account (its published one for the key's mode unless set); paced below it. */
  stripeMaxRps: number;
  /** Per-call timeout of the Stripe SDK, in milliseconds. */
  stripeTimeoutMs: number;
  /** Stripe calls in flight at once for a batch. */
  batchConcurrency: number;
  /** How far the change feed re-reads behind its cursor, in seconds. */
  feedOverlapSeconds: number;
}

export const BILLING_CONFIG = Symbol('BILLING_CONFIG');

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer between 1 and ${max}, got "${raw}"`);
  }
  return value;
}

export function loadBillingConfig(env: NodeJS.ProcessEnv = process.env): BillingConfig {
  return {
    stripeMaxRps: positiveInteger(env, 'STRIPE_MAX_RPS', stripeModeLimit(env.STRIPE_SECRET_KEY), 10_000),
    stripeTimeoutMs: positiveInteger(env, 'STRIPE_TIMEOUT_MS', 10_000, 120_000),
    batchConcurrency: positiveInteger(env, 'STRIPE_BATCH_CONCURRENCY', 8, 64),
    feedOverlapSeconds: positiveInteger(env, 'STRIPE_FEED_OVERLAP_SECONDS', 5, 3600),
  };
}

/** Stripe's published rate limit: 100 requests a second in live mode, 25 in test mode (and the sandbox). */
export function stripeModeLimit(secretKey: string | undefined): number {
  return /^(sk|rk)_live_/.test(secretKey ?? '') ? 100 : 25;
}
