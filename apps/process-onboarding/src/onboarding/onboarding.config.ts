const DEFAULT_CONCURRENCY = 8;

export interface OnboardingConfig {
  /** Saga steps one process runs at the same time. */
  concurrency: number;
}

/** Onboarding settings from the environment: `ONBOARDING_CONCURRENCY` (default 8). */
export function loadOnboardingConfig(env: NodeJS.ProcessEnv = process.env): OnboardingConfig {
  const raw = env.ONBOARDING_CONCURRENCY;
  if (raw === undefined || raw.trim() === '') return { concurrency: DEFAULT_CONCURRENCY };
  const concurrency = Number(raw);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new Error(`ONBOARDING_CONCURRENCY must be an integer from 1 to 256, got "${raw}"`);
  }
  return { concurrency };
}
