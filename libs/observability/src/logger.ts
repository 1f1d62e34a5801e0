import { pino, type Logger, type LoggerOptions } from 'pino';
import { currentCorrelationId } from './correlation-context.js';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear in a log line. */
export const REDACTED_PATHS = [
  'password',
  'secret',
  'token',
  'apiKey',
  'accessToken',
  'clientSecret',
  'authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.accessToken',
  '*.clientSecret',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'config.serviceTokenSecret',
  'config.databaseUrl',
  'config.redisUrl',
  'config.salesforce.clientSecret',
  'config.businessCentral.clientSecret',
  'config.stripe.secretKey',
  'config.stripe.webhookSecret',
  'config.partnerEdge.webhookSecretKey',
  'config.partnerEdge.tokenSecret',
];

export interface LoggerSettings {
  app: string;
  level?: string;
  destination?: pino.DestinationStream;
}

function baseOptions(app: string, level: string): LoggerOptions {
  return {
    level,
    base: { app },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** JSON logger whose every line carries the app name and the current correlation ID. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    ...baseOptions(settings.app, settings.level ?? 'info'),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
  };
  return pino(options, settings.destination ?? bufferedStdout());
}

/** A quiet app's lines still leave within this time. */
const LOG_FLUSH_MS = 200;

/**
 * Asynchronous stdout that writes once 4 KB of lines are buffered (or within `LOG_FLUSH_MS` of a line)
 * instead of once per line; each write is a syscall and a thread-pool round trip. pino flushes the
 * rest synchronously when the process exits.
 */
function bufferedStdout(): pino.DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  // A flush with nothing buffered still writes, so the timer flushes only after a line came in.
  let buffered = false;
  const write = stream.write.bind(stream);
  stream.write = (line: string): boolean => {
    buffered = true;
    return write(line);
  };
  const timer = setInterval(() => {
    if (!buffered) return;
    buffered = false;
    stream.flush();
  }, LOG_FLUSH_MS).unref();
  stream.once('close', () => clearInterval(timer));
  return stream;
}

/**
 * Logger for request access lines, on the same destination as `logger`. Its lines carry only request
 * metadata and name their correlation ID themselves, so it has neither the redaction pass nor the
 * async-context lookup of the main logger.
 */
export function createAccessLogger(logger: Logger, app: string): Logger {
  const stream = (logger as unknown as Record<symbol, pino.DestinationStream>)[pino.symbols.streamSym];
  return pino(baseOptions(app, logger.level), stream);
}
