import { Inject, Injectable } from '@nestjs/common';
import { DiagnosticsClient, type CheckResultDto, type DependencyReportDto } from '@concord/contracts';
import { type HealthCheck, runHealthChecks } from '@concord/observability';
import { type AppConfig } from './app-config.js';
import { DownstreamClients } from './downstream.clients.js';
import { APP_CONFIG, HEALTH_CHECKS } from './platform.tokens.js';

/**
 * Builds the dependency report of this app: its own checks plus, concurrently, the reports of every
 * app in the layer below. A failed downstream call is a report too, never an error.
 */
@Injectable()
export class DependencyReporter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(HEALTH_CHECKS) private readonly healthChecks: HealthCheck[],
    private readonly downstream: DownstreamClients,
  ) {}

  async report(timeoutMs = 2000, extraChecks: readonly HealthCheck[] = []): Promise<DependencyReportDto> {
    const [own, downstream] = await Promise.all([
      runHealthChecks([...this.healthChecks, ...extraChecks], timeoutMs),
      Promise.all(this.downstream.targets().map((target) => this.downstreamReport(target, timeoutMs))),
    ]);
    const checks: Record<string, CheckResultDto> = own.checks;
    const downstreamOk = downstream.every((report) => report.status === 'ok');
    const status = own.status !== 'ok' ? 'unavailable' : downstreamOk ? 'ok' : 'degraded';
    return { app: this.config.app.name, layer: this.config.app.layer, status, checks, downstream };
  }

  private async downstreamReport(
    target: keyof AppConfig['downstream'],
    timeoutMs: number,
  ): Promise<DependencyReportDto> {
    const started = performance.now();
    try {
      return await new DiagnosticsClient(this.downstream.get(target)).dependencies(timeoutMs);
    } catch (error) {
      return {
        app: target,
        layer: this.config.app.layer === 'experience' ? 'process' : 'system',
        status: 'unavailable',
        checks: {
          reachable: {
            status: 'unavailable',
            latencyMs: Math.round(performance.now() - started),
            error: error instanceof Error ? error.message : String(error),
          },
        },
        downstream: [],
      };
    }
  }
}
