import { ERROR_HTTP_STATUS, type ErrorCode, type ErrorDetail } from '@concord/contracts';

/** The one exception type of the gateway: a code from the closed set, a message, field-level details. */
export class ConcordException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ConcordException';
  }

  get status(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}
