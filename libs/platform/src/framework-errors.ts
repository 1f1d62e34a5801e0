import { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { ErrorCode, errorEnvelope } from '@concord/contracts';
import { CORRELATION_HEADER, normalizeCorrelationId } from '@concord/observability';

/**
 * Fastify refuses some URLs before any hook runs — a path parameter over `maxParamLength` (its own
 * answer is a bare 414) or one that does not percent-decode — and answers outside the error
 * envelope. This answers them as the bad input they are: 400 on `path`, in the envelope, with a
 * correlation ID.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const correlationId = normalizeCorrelationId(request.headers[CORRELATION_HEADER]);
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const known = tooLong || error.code === 'FST_ERR_BAD_URL';
  const body = known
    ? errorEnvelope(ErrorCode.VALIDATION_FAILED, 'Request failed validation', correlationId, [
        {
          path: 'path',
          message: tooLong ? 'a path parameter is longer than this API accepts' : 'the path does not decode',
          constraint: tooLong ? 'maxLength' : 'isUrl',
        },
      ])
    : errorEnvelope(ErrorCode.INTERNAL, 'Internal error', correlationId);
  void reply
    .status(known ? 400 : 500)
    .header(CORRELATION_HEADER, correlationId)
    .type('application/json')
    .send(body);
}
