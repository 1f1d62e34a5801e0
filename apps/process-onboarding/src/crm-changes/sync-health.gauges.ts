import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { gauge, type Logger, type Registry } from '@concord/observability';
import { type ExceptionCategory, SyncExceptionRepository } from '@concord/persistence';
import { LOGGER, METRICS_REGISTRY } from '@concord/platform';
import { ChangeConsumerRepository } from './change-consumer.repository.js';
import { CrmChangePoller } from './crm-change.poller.js';

const CATEGORIES: readonly ExceptionCategory[] = [
  'validation',
  'duplicate-review',
  'ownership',
  'conflict',
  'rejected-by-target',
  'technical',
];

/**
 * `concord_exceptions_open{category}` and `concord_event_lag_seconds{source}`, computed from the
 * tables at every scrape: every replica reports the same, correct figure, whoever did the work.
 */
@Injectable()
export class SyncHealthGauges implements OnModuleInit {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    private readonly exceptions: SyncExceptionRepository,
    private readonly consumers: ChangeConsumerRepository,
    private readonly poller: CrmChangePoller,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const exceptions = this.exceptions;
    const consumers = this.consumers;
    const consumer = this.poller.consumer;
    const logger = this.logger;
    gauge(
      this.registry,
      'concord_exceptions_open',
      'Steward exceptions not resolved or discarded yet (open or retrying)',
      ['category'],
      async function collect() {
        try {
          const counts = new Map(
            (await exceptions.countOpenByCategory()).map((row) => [row.category, row.count]),
          );
          for (const category of CATEGORIES) this.set({ category }, counts.get(category) ?? 0);
        } catch (error) {
          logger.warn({ err: error }, 'exceptions_open not refreshed');
        }
      },
    );
    gauge(
      this.registry,
      'concord_event_lag_seconds',
      'Now minus the source version of the last change consumed from a source feed',
      ['source'],
      async function collect() {
        try {
          for (const row of await consumers.lagSeconds([consumer]))
            this.set({ source: row.source }, row.seconds);
        } catch (error) {
          logger.warn({ err: error }, 'event_lag_seconds not refreshed');
        }
      },
    );
  }
}
