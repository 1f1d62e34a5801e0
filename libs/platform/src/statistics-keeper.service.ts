import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Logger } from '@concord/observability';
import { DataSource, StatisticsKeeper } from '@concord/persistence';
import { integer } from './config-values.util.js';
import { LOGGER } from './platform.tokens.js';

const FIRST_RUN_AFTER_MS = 60_000;

/** `STATISTICS_INTERVAL_MS`: how often the keeper looks for tables due an analysis; 0 turns it off. */
const intervalMs = (): number => integer(process.env, 'STATISTICS_INTERVAL_MS', 15_000, 0, 86_400_000);

/** Runs the statistics keeper every few seconds for the lifetime of an app (see StatisticsKeeper). */
@Injectable()
export class StatisticsKeeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly keeper: StatisticsKeeper;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.keeper = new StatisticsKeeper(dataSource);
  }

  onApplicationBootstrap(): void {
    const every = intervalMs();
    if (every === 0) return;
    // Not while the apps are still booting (an embedded database serves them one query at a time).
    this.timer = setTimeout(() => {
      this.timer = setInterval(() => {
        this.running ??= this.tick().finally(() => (this.running = undefined));
      }, every);
      this.timer.unref();
    }, FIRST_RUN_AFTER_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const analyzed = await this.keeper.run();
      if (analyzed.length > 0) this.logger.debug({ tables: analyzed }, 'table statistics refreshed');
    } catch (error) {
      this.logger.warn({ err: error }, 'table statistics could not be refreshed');
    }
  }
}
