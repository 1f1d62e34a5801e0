import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, Reflector } from '@nestjs/core';
import {
  AuthGuard,
  createValidationPipe,
  CredentialStore,
  ErrorEnvelopeFilter,
  PartnerTokenService,
  ServiceTokenIssuer,
  ServiceTokenVerifier,
} from '@concord/governance';
import { type HealthCheck, type Logger, type Registry } from '@concord/observability';
import {
  AuditLogRepository,
  CustomerRepository,
  DataSource,
  IdempotencyRepository,
  OutboxRepository,
  SyncExceptionRepository,
} from '@concord/persistence';
import { QueueProducer, QueueRuntime } from '@concord/queues';
import { type AppConfig } from './app-config.js';
import { DependencyReporter } from './dependency-reporter.service.js';
import { IdempotentWrite } from './idempotent-write.service.js';
import { DownstreamClients } from './downstream.clients.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { QueueNames } from './queue-names.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { DiagnosticsController } from './diagnostics.controller.js';
import { StatisticsKeeperService } from './statistics-keeper.service.js';
import { APP_CONFIG, HEALTH_CHECKS, LOGGER, METRICS_REGISTRY, VENDOR_CHECKS } from './platform.tokens.js';

export interface PlatformRuntime {
  config: AppConfig;
  logger: Logger;
  registry: Registry;
  dataSource: DataSource;
  queues?: QueueRuntime | undefined;
  healthChecks: HealthCheck[];
  vendorChecks: HealthCheck[];
  diagnostics: boolean;
}

/** Wires the shared runtime (config, logs, metrics, database, queues, auth, errors) into an app. */
@Global()
@Module({})
export class PlatformModule {
  static forRuntime(runtime: PlatformRuntime): DynamicModule {
    const { config, logger, registry, dataSource, queues } = runtime;
    const issuer = new ServiceTokenIssuer({ secret: config.serviceTokenSecret, app: config.app.name });
    const partnerTokens = new PartnerTokenService(
      config.partnerEdge.tokenSecret,
      config.partnerEdge.tokenTtlSeconds,
    );
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: LOGGER, useValue: logger },
      { provide: METRICS_REGISTRY, useValue: registry },
      { provide: HEALTH_CHECKS, useValue: runtime.healthChecks },
      { provide: VENDOR_CHECKS, useValue: runtime.vendorChecks },
      { provide: DataSource, useValue: dataSource },
      { provide: ServiceTokenIssuer, useValue: issuer },
      { provide: PartnerTokenService, useValue: partnerTokens },
      {
        provide: ServiceTokenVerifier,
        useValue: new ServiceTokenVerifier(config.serviceTokenSecret, config.app.layer),
      },
      { provide: CredentialStore, useValue: new CredentialStore(dataSource) },
      { provide: SyncExceptionRepository, useValue: new SyncExceptionRepository(dataSource) },
      { provide: OutboxRepository, useValue: new OutboxRepository(dataSource) },
      {
        provide: IdempotencyRepository,
        useValue: new IdempotencyRepository(dataSource, 24, config.idempotencyLeaseSeconds),
      },
      { provide: AuditLogRepository, useValue: new AuditLogRepository(dataSource) },
      { provide: CustomerRepository, useValue: new CustomerRepository(dataSource) },
      { provide: DownstreamClients, useValue: new DownstreamClients(config, issuer, registry) },
      {
        provide: APP_GUARD,
        useFactory: (reflector: Reflector, verifier: ServiceTokenVerifier, credentials: CredentialStore) =>
          new AuthGuard(reflector, verifier, credentials, config.app.layer, partnerTokens),
        inject: [Reflector, ServiceTokenVerifier, CredentialStore],
      },
      DependencyReporter,
      IdempotentWrite,
      { provide: APP_FILTER, useValue: new ErrorEnvelopeFilter(logger) },
      StatisticsKeeperService,
      { provide: APP_PIPE, useValue: createValidationPipe() },
    ];
    const exported: Provider[] = providers.filter((provider) => {
      const token = typeof provider === 'function' ? provider : provider.provide;
      return token !== APP_GUARD && token !== APP_FILTER && token !== APP_PIPE;
    });
    if (queues) {
      const queueProviders: Provider[] = [
        { provide: QueueRuntime, useValue: queues },
        { provide: QueueProducer, useValue: new QueueProducer(queues) },
        OutboxRelayService,
        QueueNames,
      ];
      providers.push(...queueProviders);
      exported.push(...queueProviders);
    }
    return {
      module: PlatformModule,
      controllers: runtime.diagnostics
        ? [HealthController, MetricsController, DiagnosticsController]
        : [HealthController, MetricsController],
      providers,
      exports: exported.map((provider) => (typeof provider === 'function' ? provider : provider.provide)),
    };
  }
}
