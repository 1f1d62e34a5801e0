import { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  CORRELATION_HEADER,
  createAccessLogger,
  currentCorrelationId,
  httpRequestDuration,
  type Logger,
  normalizeCorrelationId,
  type Registry,
  runWithCorrelation,
} from '@concord/observability';
import { accessLineWanted } from './access-log.util.js';
import { type AccessLogConfig } from './app-config.js';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
    startedAt: bigint;
  }
}

/**
 * Correlation and metrics at the edge of every app: the ID is accepted or minted, echoed on the
 * answer, bound to the async context of the handler, and every answer is timed by route template.
 * Access lines follow `accessLog`: every error and slow request, a sample of the rest.
 */
export function installHttpHooks(
  fastify: FastifyInstance,
  app: string,
  logger: Logger,
  registry: Registry,
  accessLog: AccessLogConfig,
): void {
  const duration = httpRequestDuration(registry);
  const access = createAccessLogger(logger, app);
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
    if (currentCorrelationId() === request.correlationId) done();
    else runWithCorrelation(request.correlationId, done);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const seconds = Number(process.hrtime.bigint() - request.startedAt) / 1e9;
    const route = routeOf(request);
    const status = reply.statusCode;
    duration.observe({ app, route, method: request.method, status: String(status) }, seconds);
    const durationMs = Math.round(seconds * 1000);
    if (
      !route.startsWith('/health') &&
      route !== '/metrics' &&
      accessLineWanted(accessLog, request.correlationId, status, durationMs)
    ) {
      access.info(
        { correlationId: request.correlationId, method: request.method, route, status, durationMs },
        'request served',
      );
    }
    done();
  });
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}
