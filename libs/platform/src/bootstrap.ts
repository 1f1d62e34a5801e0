import 'reflect-metadata';
import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject } from '@nestjs/swagger';
import { Redis } from 'ioredis';
import {
  createLogger,
  createMetricsRegistry,
  type HealthCheck,
  type Logger,
  NestPinoLogger,
} from '@concord/observability';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { QueueName, QueueRuntime, registerQueueMetrics } from '@concord/queues';
import { type AppName } from './app-catalog.js';
import { type AppConfig, loadAppConfig } from './app-config.js';
import { DownstreamClients } from './downstream.clients.js';
import { frameworkErrorHandler } from './framework-errors.js';
import { installHttpHooks } from './http-hooks.js';
import { buildOpenApiDocument, serveOpenApi } from './openapi.js';
import { PlatformModule } from './platform.module.js';
import { namespacedQueue } from './queue-names.js';

export interface AppDefinition {
  name: AppName;
  /** The app's feature module(s). */
  imports: Array<Type<unknown> | DynamicModule>;
  /** Process apps hold a job store connection (BullMQ on Redis or PostgreSQL). */
  queues?: boolean;
  /** Serve the shared diagnostics routes (every app but the partner edge). Default true. */
  diagnostics?: boolean;
  /** Vendor endpoints a system app reports on in its dependency report. */
  vendorChecks?: (config: AppConfig) => HealthCheck[];
  /** Checks that also gate `/health/ready`: the app cannot do its job while one fails (schema drift). */
  readinessChecks?: (config: AppConfig) => HealthCheck[];
}

export interface BootOptions {
  env?: NodeJS.ProcessEnv;
  /** Where log lines go; stdout by default. */
  logDestination?: { write(line: string): void };
  /** Build the app without listening (used to write OpenAPI documents). */
  listen?: boolean;
}

export interface RunningApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  logger: Logger;
  document: OpenAPIObject;
  close(): Promise<void>;
}

/** Boots one Concord app: config, logs, metrics, database (migrated), queues, Fastify, OpenAPI. */
export async function bootApp(definition: AppDefinition, options: BootOptions = {}): Promise<RunningApp> {
  const config = loadAppConfig(definition.name, options.env);
  const logger = createLogger({
    app: config.app.name,
    level: config.logLevel,
    destination: options.logDestination,
  });
  const registry = createMetricsRegistry(config.app.name);
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const dataSource: DataSource = await connectDatabase({
      url: config.databaseUrl,
      appName: config.app.name,
    });
    cleanups.push(() => dataSource.destroy());
    const healthChecks: HealthCheck[] = [
      { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) },
    ];
    let queues: QueueRuntime | undefined;
    if (definition.queues) {
      queues = await QueueRuntime.connect({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl });
      cleanups.unshift(() => queues!.close());
      healthChecks.push({
        name: queues.kind === 'redis' ? 'redis' : 'job-store',
        check: () => queues!.ping(),
      });
      registerQueueMetrics(
        registry,
        queues,
        Object.values(QueueName).map((queue) => namespacedQueue(config.queueNamespace, queue)),
      );
    } else if (config.redisUrl) {
      const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      cleanups.unshift(() => redis.quit());
      healthChecks.push({ name: 'redis', check: async () => void (await redis.ping()) });
    }

    healthChecks.push(...(definition.readinessChecks?.(config) ?? []));
    const platform = PlatformModule.forRuntime({
      config,
      logger,
      registry,
      dataSource,
      queues,
      healthChecks,
      vendorChecks: definition.vendorChecks?.(config) ?? [],
      diagnostics: definition.diagnostics ?? true,
    });

    @Module({ imports: [platform, ...definition.imports] })
    class RootModule {}

    const adapter = new FastifyAdapter({
      bodyLimit: config.bodyLimitBytes,
      trustProxy: true,
      return503OnClosing: true,
      frameworkErrors: frameworkErrorHandler,
    });
    const app = await NestFactory.create<NestFastifyApplication>(RootModule, adapter, {
      logger: new NestPinoLogger(logger),
      abortOnError: false,
    });
    installHttpHooks(app.getHttpAdapter().getInstance(), config.app.name, logger, registry, config.accessLog);
    app.enableShutdownHooks();
    const document = buildOpenApiDocument(app, config.app);
    serveOpenApi(app, document);
    cleanups.unshift(() => app.get(DownstreamClients).close());
    let url = `http://${config.host}:${config.port}`;
    if (options.listen !== false) {
      await app.listen(config.port, config.host);
      const address = app.getHttpServer().address();
      if (address && typeof address === 'object') url = `http://${config.host}:${address.port}`;
      logger.info({ url, docs: `${url}/docs`, metrics: `${url}/metrics` }, `${config.app.name} listening`);
    } else {
      await app.init();
    }
    let closed = false;
    return {
      app,
      config,
      url,
      logger,
      document,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        for (const cleanup of cleanups) await cleanup().catch(() => undefined);
        await new Promise<void>((resolve) => logger.flush(() => resolve()));
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
}

/** Entry point of an app process: boot, and exit with a readable message if a dependency is missing. */
export async function runApp(definition: AppDefinition): Promise<void> {
  try {
    const running = await bootApp(definition);
    const stop = (signal: string) => {
      running.logger.info({ signal }, 'shutting down');
      void running.close().then(() => process.exit(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${definition.name} could not start: ${message}\n`);
    process.exit(1);
  }
}
