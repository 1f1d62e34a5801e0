import { type ErrorDetail, ErrorCode, type ErrorEnvelope } from '@concord/contracts';
import { CircuitOpenError, UpstreamHttpError, UpstreamUnavailableError } from '@concord/http';
import { type ExceptionCategory } from '@concord/persistence';

/** How a failed system call ends a step: a business refusal, or something worth retrying. */
export type StepFailure =
  | {
      kind: 'rejected';
      category: ExceptionCategory;
      reason: string;
      details: ErrorDetail[];
      answer: unknown;
    }
  | { kind: 'timeout' }
  | { kind: 'throttled'; waitMs: number }
  | { kind: 'retry' };

/** Waits when the system API throttled without saying for how long, or the circuit gave no time. */
const DEFAULT_THROTTLE_WAIT_MS = 1_000;
const DEFAULT_CIRCUIT_WAIT_MS = 10_000;

function envelopeOf(body: unknown): ErrorEnvelope['error'] | undefined {
  if (!body || typeof body !== 'object' || !('error' in body)) return undefined;
  const error = body.error;
  return error && typeof error === 'object' ? (error as ErrorEnvelope['error']) : undefined;
}

/**
 * Classifies what a system API answered. Its own refusal of the data (422 `UPSTREAM_REJECTED`: the
 * vendor said no; 400: the canonical data is not acceptable; 409 `CONFLICT`) will not change on a retry.
 * Throttling (429) and an open circuit are waited out for as long as they say; outages, timeouts and
 * anything unexpected are retried with backoff.
 */
export function classifyStepFailure(error: unknown): StepFailure {
  if (error instanceof CircuitOpenError) {
    return { kind: 'throttled', waitMs: error.retryAfterMs ?? DEFAULT_CIRCUIT_WAIT_MS };
  }
  if (error instanceof UpstreamUnavailableError) {
    return error.reason === 'timeout' ? { kind: 'timeout' } : { kind: 'retry' };
  }
  if (!(error instanceof UpstreamHttpError)) return { kind: 'retry' };
  if (error.status === 429)
    return { kind: 'throttled', waitMs: error.retryAfterMs ?? DEFAULT_THROTTLE_WAIT_MS };
  const envelope = envelopeOf(error.body);
  const rejected = (category: ExceptionCategory): StepFailure => ({
    kind: 'rejected',
    category,
    reason: envelope?.message ?? `${error.system} answered ${error.status}`,
    details: Array.isArray(envelope?.details) ? envelope.details : [],
    answer: error.body,
  });
  if (error.status === 422 && envelope?.code === ErrorCode.UPSTREAM_REJECTED) {
    return rejected('rejected-by-target');
  }
  if (error.status === 400 && envelope?.code === ErrorCode.VALIDATION_FAILED) return rejected('validation');
  if (error.status === 409 && envelope?.code === ErrorCode.CONFLICT) return rejected('conflict');
  return { kind: 'retry' };
}

/** One line a steward can read: the reason and the fields it names. */
export function describeRefusal(system: string, reason: string, details: readonly ErrorDetail[]): string {
  const fields = details
    .map((detail) => [detail.path, detail.message].filter(Boolean).join(': '))
    .filter((text) => text !== '');
  return `${system} rejected the customer: ${reason}${fields.length > 0 ? ` (${fields.join('; ')})` : ''}`;
}
