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
  private stopped = false;

  constructor(
    dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.keeper = new StatisticsKeeper(dataSource);
  }

  onApplicationBootstrap(): void {
    const every = intervalMs();
    // Not while the apps are still booting (an embedded database serves them one query at a time).
    if (every > 0) this.schedule(FIRST_RUN_AFTER_MS, every);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** The next run `delay` from now; each run schedules the one after it, so runs never overlap. */
  private schedule(delay: number, every: number): void {
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(every, every);
      });
    }, delay);
    this.timer.unref();
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
