import { Inject, Injectable } from '@nestjs/common';
import { type Counter, type Histogram } from 'prom-client';
import { counter, histogram, type Registry } from '@concord/observability';
import { METRICS_REGISTRY } from '@concord/platform';

const DOMAIN = 'customer';
const LATENCY_BUCKETS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600];

/** `concord_sync_outcomes_total{domain,step,outcome}` and `concord_sync_latency_seconds{domain}`. */
@Injectable()
export class OnboardingMetrics {
  private readonly outcomes: Counter;
  private readonly latency: Histogram;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.outcomes = counter(registry, 'concord_sync_outcomes_total', 'Business outcomes of sync flow steps', [
      'domain',
      'step',
      'outcome',
    ]);
    this.latency = histogram(
      registry,
      'concord_sync_latency_seconds',
      'Time from a sync flow being accepted to all systems confirming it',
      ['domain'],
      LATENCY_BUCKETS,
    );
  }

  stepOutcome(step: string, outcome: string): void {
    this.outcomes.inc({ domain: DOMAIN, step, outcome });
  }

  synced(createdAt: Date): void {
    this.latency.observe({ domain: DOMAIN }, Math.max(0, (Date.now() - createdAt.getTime()) / 1000));
  }
}
