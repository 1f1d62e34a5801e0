import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import {
  AdapterError,
  type AdapterErrorKind,
  ErrorCode,
  errorEnvelope,
  type ErrorEnvelope,
  isErrorCode,
} from '@concord/contracts';
import {
  CircuitOpenError,
  SchedulerThrottledError,
  UpstreamHttpError,
  UpstreamUnavailableError,
} from '@concord/http';
import { currentCorrelationId, type Logger } from '@concord/observability';
import { ConcordException } from './concord.exception.js';

export interface MappedError {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PAYLOAD_TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.MALFORMED_JSON,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.MALFORMED_JSON,
  FST_ERR_CTP_INVALID_JSON_BODY: ErrorCode.MALFORMED_JSON,
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: ErrorCode.UPSTREAM_REJECTED,
  429: ErrorCode.RATE_LIMITED,
};

const ADAPTER_ERRORS: Record<AdapterErrorKind, { status: number; code: ErrorCode }> = {
  Rejected: { status: 422, code: ErrorCode.UPSTREAM_REJECTED },
  NotFound: { status: 404, code: ErrorCode.NOT_FOUND },
  Conflict: { status: 409, code: ErrorCode.CONFLICT },
  Throttled: { status: 429, code: ErrorCode.RATE_LIMITED },
  Temporary: { status: 503, code: ErrorCode.UPSTREAM_UNAVAILABLE },
  AuthFailed: { status: 502, code: ErrorCode.UPSTREAM_UNAVAILABLE },
  Unknown: { status: 502, code: ErrorCode.UPSTREAM_UNAVAILABLE },
};

/** A vendor's verdict, in the envelope: rejections keep their field paths, waits their Retry-After. */
function mapAdapterError(error: AdapterError, logger: Logger): MappedError {
  const { status, code } = ADAPTER_ERRORS[error.kind];
  if (error.kind === 'Unknown' || error.kind === 'AuthFailed') {
    logger.error(
      {
        err: {
          kind: error.kind,
          system: error.system,
          operation: error.operation,
          message: error.message,
          vendor: error.vendor,
        },
      },
      'vendor call failed',
    );
  }
  const mapped = envelope(status, code, `${error.system}: ${error.message}`, error.details);
  if (error.retryAfterMs !== undefined)
    mapped.headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  return mapped;
}

function fastifyCodeOf(error: unknown): ErrorCode | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
}

function envelope(
  status: number,
  code: ErrorCode,
  message: string,
  details: ErrorEnvelope['error']['details'] = [],
): MappedError {
  return {
    status,
    body: errorEnvelope(code, message, currentCorrelationId() ?? 'unknown', details),
    headers: {},
  };
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (!body || typeof body !== 'object') return false;
  const error = (body as { error?: unknown }).error;
  return !!error && typeof error === 'object' && isErrorCode((error as { code?: unknown }).code);
}

/** Maps anything thrown while serving a request to the public error envelope; never leaks internals. */
export function mapError(error: unknown, logger: Logger): MappedError {
  if (error instanceof ConcordException) {
    return { ...envelope(error.status, error.code, error.message, error.details), headers: error.headers };
  }
  if (error instanceof AdapterError) return mapAdapterError(error, logger);
  if (error instanceof SchedulerThrottledError) {
    // Concord paced itself: the layer below was not called, and the caller learns when to come back.
    const mapped = envelope(429, ErrorCode.RATE_LIMITED, error.message);
    mapped.headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    return mapped;
  }
  if (error instanceof UpstreamHttpError && isEnvelope(error.body) && error.status < 500) {
    // The layer below already speaks the envelope: pass its verdict through unchanged.
    const { code, message, details } = error.body.error;
    return envelope(error.status, code, message, details);
  }
  if (
    error instanceof UpstreamHttpError ||
    error instanceof UpstreamUnavailableError ||
    error instanceof CircuitOpenError
  ) {
    logger.warn({ err: { name: error.name, message: error.message } }, 'downstream call failed');
    return envelope(
      503,
      ErrorCode.UPSTREAM_UNAVAILABLE,
      'A service this request depends on is unavailable; retry later',
    );
  }
  // Nest wraps Fastify's own errors (body too large, malformed JSON) in an HttpException with the cause.
  const fastifyCode = fastifyCodeOf(error) ?? fastifyCodeOf(error instanceof Error ? error.cause : undefined);
  if (fastifyCode) {
    const status =
      fastifyCode === ErrorCode.PAYLOAD_TOO_LARGE
        ? 413
        : fastifyCode === ErrorCode.UNSUPPORTED_MEDIA_TYPE
          ? 415
          : 400;
    const message =
      fastifyCode === ErrorCode.MALFORMED_JSON
        ? 'Request body is not valid JSON'
        : fastifyCode === ErrorCode.PAYLOAD_TOO_LARGE
          ? 'Request body is larger than this API accepts'
          : 'Unsupported content type; send application/json';
    return envelope(status, fastifyCode, message);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
    const message = status === 404 ? 'No such resource or route' : error.message;
    return envelope(status, code, message);
  }
  if (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400) {
    return envelope(400, ErrorCode.MALFORMED_JSON, 'Request body is not valid JSON');
  }
  const statusCode =
    typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return envelope(
      statusCode,
      STATUS_CODES[statusCode] ?? ErrorCode.VALIDATION_FAILED,
      (error as Error).message,
    );
  }
  logger.error(
    {
      err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
    },
    'unhandled error',
  );
  return envelope(500, ErrorCode.INTERNAL, 'Internal error; quote the correlation ID when reporting it');
}

/** Global Nest filter: every error leaves as the same envelope, with the correlation ID. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const mapped = mapError(error, this.logger);
    void reply.status(mapped.status).headers(mapped.headers).send(mapped.body);
  }
}
