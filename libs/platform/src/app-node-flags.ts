import { integer } from './config-values.util.js';

/** Old-generation heap of one app process, in MB, unless `APP_HEAP_MB` says otherwise. */
export const DEFAULT_APP_HEAP_MB = 160;

/**
 * Node flags every Concord app process starts with. V8 otherwise lets garbage pile up towards a
 * share of the machine's memory before it collects the old generation, so a busy app grew past its
 * 250 MB budget although its live heap stayed far below it; with the cap it collects sooner.
 */
export function appNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [`--max-old-space-size=${integer(env, 'APP_HEAP_MB', DEFAULT_APP_HEAP_MB, 64, 16_384)}`];
}
