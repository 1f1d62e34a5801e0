import { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  CORRELATION_HEADER,
  httpRequestDuration,
  type Logger,
  normalizeCorrelationId,
  type Registry,
  runWithCorrelation,
} from '@concord/observability';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
    startedAt: bigint;
  }
}

/**
 * Correlation and metrics at the edge of every app: the ID is accepted or minted, echoed on the
 * answer, bound to the async context of the handler, and every answer is timed by route template.
 */
export function installHttpHooks(
  fastify: FastifyInstance,
  app: string,
  logger: Logger,
  registry: Registry,
): void {
  const duration = httpRequestDuration(registry);
  // Access lines carry only request metadata, so they skip the redaction pass every other line gets.
  const access = logger.child({}, { redact: [] });
  fastify.decorateRequest('correlationId', '');
  fastify.decorateRequest('startedAt', 0n);

  fastify.addHook('onRequest', (request, reply, done) => {
    request.correlationId = normalizeCorrelationId(request.headers[CORRELATION_HEADER]);
    request.startedAt = process.hrtime.bigint();
    void reply.header(CORRELATION_HEADER, request.correlationId);
    runWithCorrelation(request.correlationId, done);
  });

  // Body parsing runs in socket callbacks outside the request's async context; bind it again
  // right before the handler so guards, pipes and controllers all see the correlation ID.
  fastify.addHook('preHandler', (request, _reply, done) => {
    runWithCorrelation(request.correlationId, done);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const seconds = Number(process.hrtime.bigint() - request.startedAt) / 1e9;
    const route = routeOf(request);
    duration.observe({ app, route, method: request.method, status: String(reply.statusCode) }, seconds);
    if (!route.startsWith('/health') && route !== '/metrics') {
      runWithCorrelation(request.correlationId, () =>
        access.info(
          { method: request.method, route, status: reply.statusCode, durationMs: Math.round(seconds * 1000) },
          'request served',
        ),
      );
    }
    done();
  });
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}
