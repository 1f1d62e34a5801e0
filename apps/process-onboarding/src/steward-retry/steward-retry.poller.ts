import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Logger, runWithCorrelation } from '@concord/observability';
import { APP_CONFIG, type AppConfig, LOGGER, QueueNames } from '@concord/platform';
import { QueueName } from '@concord/queues';
import { CrmChangePoller } from '../crm-changes/crm-change.poller.js';
import { ResubmitExceptionUseCase } from './resubmit-exception.usecase.js';
import { RetryingExceptionRepository } from './retrying-exception.repository.js';
import { PollingLoop } from '../common/polling-loop.util.js';

const BATCH = 20;

/**
 * Picks up the customer exceptions a steward sent back (`retrying`) that this deployment filed: its
 * onboarding queue and its CRM change consumer. Replicas share the work through row locks.
 */
@Injectable()
export class StewardRetryPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    private readonly exceptions: RetryingExceptionRepository,
    private readonly resubmit: ResubmitExceptionUseCase,
    private readonly queueNames: QueueNames,
    private readonly crmChanges: CrmChangePoller,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop(config.onboardingTriggers.stewardRetryPollMs, () => this.tick());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async tick(): Promise<void> {
    const queues = [this.queueNames.of(QueueName.Onboarding), this.crmChanges.consumer];
    try {
      for (const id of await this.exceptions.waiting(queues, BATCH)) {
        if (this.loop.isStopped) return;
        const outcome = await runWithCorrelation(`steward-retry-${id}`, () => this.resubmit.execute(id));
        this.logger.info({ exceptionId: id, outcome }, 'steward retry picked up');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'steward retries not picked up; trying again');
    }
  }
}
