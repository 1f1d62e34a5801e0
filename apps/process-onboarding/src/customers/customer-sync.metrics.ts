import { Inject, Injectable } from '@nestjs/common';
import { type Counter } from 'prom-client';
import { counter, type Registry } from '@concord/observability';
import { METRICS_REGISTRY } from '@concord/platform';

/**
 * `concord_ownership_violations_total{domain}`, `concord_stale_events_total{source}` and
 * `concord_duplicates_prevented_total{domain,by}` (by `inbox-<source>`): writes refused or dropped on
 * the way in. The duplicates counter is shared with the match step (by `auto-link` or `steward`).
 */
@Injectable()
export class CustomerSyncMetrics {
  private readonly violations: Counter;
  private readonly stale: Counter;
  private readonly duplicates: Counter;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.violations = counter(
      registry,
      'concord_ownership_violations_total',
      'Field writes by a system that does not own the field, refused or not propagated',
      ['domain'],
    );
    this.stale = counter(
      registry,
      'concord_stale_events_total',
      'Events older than the last applied source version, recorded and dropped',
      ['source'],
    );
    this.duplicates = counter(
      registry,
      'concord_duplicates_prevented_total',
      'Duplicates kept out: repeated deliveries the inbox dropped, customers linked instead of created again',
      ['domain', 'by'],
    );
  }

  ownershipViolations(domain: string, fields: number): void {
    if (fields > 0) this.violations.inc({ domain }, fields);
  }

  staleEvent(source: string): void {
    this.stale.inc({ source });
  }

  duplicate(source: string): void {
    this.duplicates.inc({ domain: 'customer', by: `inbox-${source}` });
  }
}
