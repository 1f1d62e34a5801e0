import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Logger } from '@concord/observability';
import { OutboxRepository } from '@concord/persistence';
import { OutboxRelay, QueueRuntime } from '@concord/queues';
import { LOGGER } from './platform.tokens.js';

/** Runs the outbox relay for the lifetime of a process app. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(outbox: OutboxRepository, queues: QueueRuntime, @Inject(LOGGER) logger: Logger) {
    this.relay = new OutboxRelay(outbox, queues, logger, { idleDelayMs: 500 });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Lets a use case that just committed outbox rows skip the idle wait. */
  nudge(): void {
    this.relay.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
