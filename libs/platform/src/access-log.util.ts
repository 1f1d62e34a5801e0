import { type AccessLogConfig } from './app-config.js';

const TWO_TO_32 = 2 ** 32;

/** FNV-1a over the ID, scaled to [0, 1): the same ID gets the same number in every app. */
function unitHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / TWO_TO_32;
}

/**
 * Whether a served request gets its `request served` line. Errors (4xx, 5xx) and slow requests always
 * do; a fast success does for `sampleRate` of correlation IDs. The choice depends only on the ID, so a
 * sampled request is logged at every hop it crosses, and an unsampled one at none.
 */
export function accessLineWanted(
  config: AccessLogConfig,
  correlationId: string,
  status: number,
  durationMs: number,
): boolean {
  if (status >= 400 || durationMs >= config.slowMs) return true;
  if (config.sampleRate >= 1) return true;
  if (config.sampleRate <= 0) return false;
  return unitHash(correlationId) < config.sampleRate;
}
