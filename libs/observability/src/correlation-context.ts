import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header that carries the correlation ID across every hop, job and log line. */
export const CORRELATION_HEADER = 'x-correlation-id';

export interface CorrelationStore {
  correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();
const acceptableId = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's ID when it is a sane token; otherwise mints a fresh UUID. */
export function normalizeCorrelationId(candidate: unknown): string {
  return typeof candidate === 'string' && acceptableId.test(candidate) ? candidate : randomUUID();
}

/** Runs `fn` with the given correlation ID visible to every log line and outbound call below it. */
export function runWithCorrelation<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
