import { AdapterError, type AdapterErrorKind, type ErrorDetail } from '@concord/contracts';
import { canonicalPathOf } from './salesforce.mappers.js';
import {
  type CompositeSubresponse,
  type SalesforceApiError,
  type SalesforceRecordError,
} from './salesforce.types.js';

export const SYSTEM = 'salesforce';

/** Salesforce sends no Retry-After with REQUEST_LIMIT_EXCEEDED; a minute lets the rolling quota recover. */
export const QUOTA_RETRY_AFTER_MS = 60_000;
/** Network failures and 5xx: a short pause before the caller tries again. */
const TEMPORARY_RETRY_AFTER_MS = 2_000;

const REJECTED = new Set([
  'REQUIRED_FIELD_MISSING',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'STRING_TOO_LONG',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'JSON_PARSER_ERROR',
  'INVALID_EMAIL_ADDRESS',
  'FIELD_INTEGRITY_EXCEPTION',
  'NUMBER_OUTSIDE_VALID_RANGE',
  'INVALID_TYPE_ON_FIELD_IN_RECORD',
]);
const CONFLICT = new Set(['DUPLICATE_VALUE', 'DUPLICATE_EXTERNAL_ID', 'MULTIPLE_CHOICES']);
const NOT_FOUND = new Set(['NOT_FOUND', 'ENTITY_IS_DELETED']);
const TEMPORARY = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'UNABLE_TO_LOCK_ROW']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);

function kindOf(status: number | undefined, code: string): AdapterErrorKind {
  if (code === 'REQUEST_LIMIT_EXCEEDED' || status === 429) return 'Throttled';
  if (code === 'INVALID_SESSION_ID' || status === 401 || status === 403) return 'AuthFailed';
  if (REJECTED.has(code)) return 'Rejected';
  if (CONFLICT.has(code) || status === 300 || status === 409) return 'Conflict';
  if (NOT_FOUND.has(code) || status === 404) return 'NotFound';
  if (TEMPORARY.has(code) || /^ERROR_HTTP_5\d\d$/.test(code) || (status !== undefined && status >= 500)) {
    return 'Temporary';
  }
  return 'Unknown';
}

function retryAfterOf(kind: AdapterErrorKind): number | undefined {
  if (kind === 'Throttled') return QUOTA_RETRY_AFTER_MS;
  if (kind === 'Temporary') return TEMPORARY_RETRY_AFTER_MS;
  return undefined;
}

/** Maps a Salesforce field name to the canonical path of the resource being written. */
export type FieldPathOf = (salesforceField: string) => string;

function detailsOf(errors: SalesforceApiError[], pathOf: FieldPathOf): ErrorDetail[] {
  return errors.flatMap((error) =>
    (error.fields ?? []).length > 0
      ? (error.fields ?? []).map((field) => ({
          path: pathOf(field),
          message: error.message,
          vendorCode: error.errorCode,
        }))
      : [{ message: error.message, vendorCode: error.errorCode }],
  );
}

/** Folds a Salesforce error answer (`[{message, errorCode, fields}]`) into the adapter's closed set. */
export function classifySalesforceAnswer(
  operation: string,
  status: number | undefined,
  errors: SalesforceApiError[],
  pathOf: FieldPathOf = canonicalPathOf,
): AdapterError {
  const first = errors[0] ?? { message: `HTTP ${status ?? 'error'}`, errorCode: `ERROR_HTTP_${status}` };
  const kind = kindOf(status, first.errorCode);
  const retryAfterMs = retryAfterOf(kind);
  return new AdapterError({
    kind,
    system: SYSTEM,
    operation,
    message: first.message,
    details: kind === 'Rejected' || kind === 'Conflict' ? detailsOf(errors, pathOf) : [],
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    vendor: { ...(status === undefined ? {} : { status }), code: first.errorCode, body: errors },
  });
}

/** A per-record error of an sObject collections call. */
export function classifyRecordErrors(
  operation: string,
  errors: SalesforceRecordError[],
  pathOf: FieldPathOf = canonicalPathOf,
): AdapterError {
  return classifySalesforceAnswer(
    operation,
    undefined,
    errors.map((error) => ({
      message: error.message,
      errorCode: error.statusCode,
      fields: error.fields ?? [],
    })),
    pathOf,
  );
}

/**
 * The same error with its field details named in another resource's terms (the client names them as
 * Account fields map to customers); errors without a Salesforce error list come back unchanged.
 */
export function withFieldPaths(error: AdapterError, pathOf: FieldPathOf): AdapterError {
  const body = error.vendor?.body;
  if ((error.kind !== 'Rejected' && error.kind !== 'Conflict') || !Array.isArray(body)) return error;
  const errors = body.filter(isApiError);
  if (errors.length === 0) return error;
  return new AdapterError({
    kind: error.kind,
    system: error.system,
    operation: error.operation,
    message: error.message,
    details: detailsOf(errors, pathOf),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    ...(error.vendor ? { vendor: error.vendor } : {}),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}

function isApiError(value: unknown): value is SalesforceApiError {
  const candidate = value as Partial<SalesforceApiError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.errorCode === 'string' &&
    typeof candidate.message === 'string'
  );
}

/** Whether the call failed on the way (no answer): the write may or may not have happened. */
export function isLostAnswer(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error.name === 'AbortError' ||
    error.name === 'TimeoutError' ||
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    (error.name === 'FetchError' && (error as { type?: unknown }).type === 'system')
  );
}

/**
 * Folds whatever a jsforce call threw: its HttpApiError (errorCode plus the vendor body in `data`),
 * a network failure or timeout, or an AdapterError raised earlier.
 */
export function classifySalesforceFailure(
  operation: string,
  error: unknown,
  status: number | undefined,
): AdapterError {
  if (error instanceof AdapterError) return error;
  if (isLostAnswer(error)) {
    return new AdapterError({
      kind: 'Temporary',
      system: SYSTEM,
      operation,
      message: `no answer from Salesforce: ${(error as Error).message}`,
      retryAfterMs: TEMPORARY_RETRY_AFTER_MS,
      cause: error,
    });
  }
  const thrown = error as { errorCode?: unknown; data?: unknown; message?: unknown } | null;
  if (thrown && typeof thrown.errorCode === 'string') {
    const errors = Array.isArray(thrown.data)
      ? thrown.data.filter(isApiError)
      : isApiError(thrown.data)
        ? [thrown.data]
        : [];
    const message = typeof thrown.message === 'string' ? thrown.message : thrown.errorCode;
    return classifySalesforceAnswer(
      operation,
      status,
      errors.length > 0 ? errors : [{ message, errorCode: thrown.errorCode }],
    );
  }
  return new AdapterError({
    kind: status !== undefined && status >= 500 ? 'Temporary' : 'Unknown',
    system: SYSTEM,
    operation,
    message: error instanceof Error ? error.message : String(error),
    ...(status === undefined ? {} : { vendor: { status } }),
    cause: error,
  });
}

/** The body of a composite subrequest's answer; a failed subrequest becomes its adapter error. */
export function subresponseBody<T>(operation: string, answer: CompositeSubresponse | undefined): T {
  if (answer && answer.httpStatusCode < 400) return answer.body as T;
  const errors = Array.isArray(answer?.body) ? (answer.body as SalesforceApiError[]) : [];
  throw classifySalesforceAnswer(operation, answer?.httpStatusCode, errors);
}
