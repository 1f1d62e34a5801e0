/**
 * Delay before retry number `attempt` (1 = the first retry): doubling from `baseMs`, capped at a day,
 * with full jitter in [½, 1] of it so receivers recovering from an outage are not hit in lockstep.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 24 * 3600 * 1000);
  return Math.round(ceiling * (0.5 + random() / 2));
}
