import { gauge, type Registry } from '@concord/observability';
import { type QueueRuntime } from './queue-runtime.js';

const STATES = [
  'waiting',
  'active',
  'delayed',
  'completed',
  'failed',
  'prioritized',
  'waiting-children',
] as const;

/** `concord_queue_jobs{queue,state}`, read from the job store at scrape time. */
export function registerQueueMetrics(
  registry: Registry,
  runtime: QueueRuntime,
  queues: readonly string[],
): void {
  gauge(
    registry,
    'concord_queue_jobs',
    'Jobs per queue and state',
    ['queue', 'state'],
    async function collect() {
      for (const name of new Set([...queues, ...runtime.queueNames()])) {
        const counts = await runtime.queue(name).getJobCounts(...STATES);
        for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  );
}
