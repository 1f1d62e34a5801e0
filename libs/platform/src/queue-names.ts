import { Inject, Injectable } from '@nestjs/common';
import { type QueueName } from '@concord/queues';
import { type AppConfig } from './app-config.js';
import { APP_CONFIG } from './platform.tokens.js';

/** Resolves a logical queue to this deployment's queue name (see `QUEUE_NAMESPACE`). */
@Injectable()
export class QueueNames {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  of(queue: QueueName): string {
    return namespacedQueue(this.config.queueNamespace, queue);
  }
}

export function namespacedQueue(namespace: string, queue: string): string {
  return namespace ? `${namespace}.${queue}` : queue;
}
