import { type ErrorDetail } from '../errors/error-envelope.dto.js';

/**
 * The closed set every vendor adapter folds vendor errors into; processes act on the kind, never on
 * a vendor's code. `Rejected` goes to a steward and is never retried blindly.
 */
export type AdapterErrorKind =
  'Temporary' | 'Throttled' | 'AuthFailed' | 'NotFound' | 'Rejected' | 'Conflict' | 'Unknown';

export interface AdapterErrorInit {
  kind: AdapterErrorKind;
  system: string;
  operation: string;
  message: string;
  /** Field-level reasons for `Rejected` (canonical field paths where the adapter can map them). */
  details?: ErrorDetail[];
  /** How long to wait before retrying, for `Temporary` and `Throttled`. */
  retryAfterMs?: number;
  /** The vendor's own answer (status and body), kept for stewards; secrets never go here. */
  vendor?: { status?: number; code?: string; body?: unknown };
  cause?: unknown;
}

export class AdapterError extends Error {
  readonly kind: AdapterErrorKind;
  readonly system: string;
  readonly operation: string;
  readonly details: ErrorDetail[];
  readonly retryAfterMs: number | undefined;
  readonly vendor: AdapterErrorInit['vendor'];

  constructor(init: AdapterErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AdapterError';
    this.kind = init.kind;
    this.system = init.system;
    this.operation = init.operation;
    this.details = init.details ?? [];
    this.retryAfterMs = init.retryAfterMs;
    this.vendor = init.vendor;
  }

  /** Whether repeating the same call later can succeed. */
  get retryable(): boolean {
    return this.kind === 'Temporary' || this.kind === 'Throttled';
  }
}
