/** When a superseded API version stopped being recommended, and when it will stop answering. */
export interface DeprecationWindow {
  deprecatedAt: Date;
  sunsetAt: Date;
}

/**
 * Every superseded API version, with its announced dates. A deployment may move a date with
 * `DEPRECATION_<NAME>_AT` / `SUNSET_<NAME>_AT` (ISO 8601), e.g. `SUNSET_CUSTOMERS_V1_AT`.
 */
export const DEPRECATIONS = {
  'customers-v1': { deprecatedAt: '2026-12-01T00:00:00Z', sunsetAt: '2027-06-30T00:00:00Z' },
} as const satisfies Record<string, { deprecatedAt: string; sunsetAt: string }>;

export type DeprecationName = keyof typeof DEPRECATIONS;
export type DeprecationSchedule = Record<DeprecationName, DeprecationWindow>;

function envName(prefix: string, name: string): string {
  return `${prefix}_${name.toUpperCase().replace(/-/g, '_')}_AT`;
}

function instant(env: NodeJS.ProcessEnv, variable: string, fallback: string): Date {
  const raw = env[variable] || fallback;
  const value = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(value.getTime())) {
    throw new Error(`${variable} must be an ISO 8601 date, got "${raw}"`);
  }
  return value;
}

/** The schedule this deployment announces; part of the app config, read once at boot. */
export function loadDeprecationSchedule(env: NodeJS.ProcessEnv): DeprecationSchedule {
  const schedule = {} as DeprecationSchedule;
  for (const [name, defaults] of Object.entries(DEPRECATIONS) as Array<
    [DeprecationName, (typeof DEPRECATIONS)[DeprecationName]]
  >) {
    const deprecatedAt = instant(env, envName('DEPRECATION', name), defaults.deprecatedAt);
    const sunsetAt = instant(env, envName('SUNSET', name), defaults.sunsetAt);
    if (sunsetAt <= deprecatedAt) {
      throw new Error(`${envName('SUNSET', name)} must be later than ${envName('DEPRECATION', name)}`);
    }
    schedule[name] = { deprecatedAt, sunsetAt };
  }
  return schedule;
}
