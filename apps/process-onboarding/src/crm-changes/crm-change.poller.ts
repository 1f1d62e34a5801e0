import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SystemCrmClient } from '@concord/contracts';
import { type Logger, runWithCorrelation } from '@concord/observability';
import { DataSource } from '@concord/persistence';
import { APP_CONFIG, type AppConfig, LOGGER, namespacedQueue } from '@concord/platform';
import { ChangeConsumerRepository } from './change-consumer.repository.js';
import { ConsumerLock } from './consumer-lock.service.js';
import { HandleCrmChangeUseCase } from './handle-crm-change.usecase.js';
import { forEachConcurrently, groupBy } from '../common/concurrency.util.js';
import { PollingLoop } from '../common/polling-loop.util.js';

/** Pages read in one go before yielding to the next tick, so shutdown never waits long. */
const MAX_PAGES_PER_TICK = 20;
/** Accounts of one page handled at the same time. */
const ACCOUNTS_AT_ONCE = 8;

/**
 * Reads the CRM account change feed continuously. One replica consumes at a time (advisory lock);
 * each change is handled and committed on its own, and the cursor moves only after the whole page
 * was committed, so a crash re-reads the page and the inbox drops what was done already.
 */
@Injectable()
export class CrmChangePoller implements OnApplicationBootstrap, OnModuleDestroy {
  /** Consumer name: the cursor row and the lock are per deployment (see `QUEUE_NAMESPACE`). */
  readonly consumer: string;
  private readonly lock: ConsumerLock;
  private readonly loop: PollingLoop;

  constructor(
    dataSource: DataSource,
    private readonly consumers: ChangeConsumerRepository,
    private readonly crm: SystemCrmClient,
    private readonly handle: HandleCrmChangeUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.consumer = namespacedQueue(config.queueNamespace, 'crm-customers');
    this.lock = new ConsumerLock(dataSource, this.consumer);
    this.loop = new PollingLoop(config.onboardingTriggers.crmPollMs, () => this.tick());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.lock.release();
  }

  private async tick(): Promise<void> {
    try {
      if (!(await this.lock.acquire())) return;
      for (let page = 0, more = true; more && page < MAX_PAGES_PER_TICK && !this.loop.isStopped; page++) {
        more = await this.consumePage();
      }
    } catch (error) {
      this.logger.warn({ err: error, consumer: this.consumer }, 'CRM change feed read failed; retrying');
    }
  }

  private async consumePage(): Promise<boolean> {
    const cursor = await this.consumers.cursorOf(this.consumer);
    const page = await this.crm.customerChanges(cursor, this.config.onboardingTriggers.crmPageSize);
    // Accounts are independent: several at a time, each account's own changes in feed order.
    await forEachConcurrently(
      groupBy(page.changes, (change) => change.externalId),
      ACCOUNTS_AT_ONCE,
      async (changes) => {
        for (const change of changes) {
          if (this.loop.isStopped) throw new Error('consumer stopping before the page was done');
          await runWithCorrelation(randomUUID(), () => this.handle.execute(change, this.consumer));
        }
      },
    );
    const last = page.changes.at(-1)?.sourceVersion;
    const saved = await this.consumers.save(this.consumer, 'crm', cursor, page.nextCursor, last);
    return saved && page.hasMore;
  }
}
