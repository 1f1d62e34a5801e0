import { Inject, Injectable } from '@nestjs/common';
import { type Counter, type Histogram } from 'prom-client';
import { counter, histogram, type Registry } from '@concord/observability';
import { METRICS_REGISTRY } from '@concord/platform';

const DOMAIN = 'customer';
const LATENCY_BUCKETS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600];

/**
 * `concord_sync_outcomes_total{domain,step,outcome}`, `concord_sync_latency_seconds{domain}` and
 * `concord_duplicates_prevented_total{domain,by}`.
 */
@Injectable()
export class OnboardingMetrics {
  private readonly outcomes: Counter;
  private readonly latency: Histogram;
  private readonly duplicates: Counter;

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
    this.duplicates = counter(
      registry,
      'concord_duplicates_prevented_total',
      'Duplicates kept out: repeated deliveries the inbox dropped, customers linked instead of created again',
      ['domain', 'by'],
    );
  }

  /** A customer that would have been created twice in the ERP and billing, linked instead. */
  duplicatePrevented(by: 'auto-link' | 'steward'): void {
    this.duplicates.inc({ domain: DOMAIN, by });
  }

  stepOutcome(step: string, outcome: string): void {
    this.outcomes.inc({ domain: DOMAIN, step, outcome });
  }

  synced(createdAt: Date): void {
    this.latency.observe({ domain: DOMAIN }, Math.max(0, (Date.now() - createdAt.getTime()) / 1000));
  }
}
