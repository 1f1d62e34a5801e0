import { integer } from './config-values.util.js';

/** Old-generation heap of one app process, in MB, unless `APP_HEAP_MB` says otherwise. */
export const DEFAULT_APP_HEAP_MB = 160;

/**
 * Node flags every Concord app process starts with. V8 otherwise lets garbage pile up towards a
 * share of the machine's memory before it collects the old generation, so a busy app grew past its
 * 250 MB budget although its live heap stayed far below it; with the cap it collects sooner.
 * V8's memory reducer is off: it starts full collections when the allocation rate drops, which in a
 * server at steady moderate load meant a full collection every few seconds, each a burst of
 * marking threads on a small machine and a 40–100 ms stall for the requests in flight; the heap cap
 * already bounds the memory it would give back.
 */
export function appNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    `--max-old-space-size=${integer(env, 'APP_HEAP_MB', DEFAULT_APP_HEAP_MB, 64, 16_384)}`,
    '--no-memory-reducer',
  ];
}
