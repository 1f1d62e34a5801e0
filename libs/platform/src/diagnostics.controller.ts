import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  DependencyQueryDto,
  DependencyReportDto,
  DiagnosticsClient,
  ErrorCode,
  TraceQueryDto,
  TraceReportDto,
} from '@concord/contracts';
import { ConcordException, InternalAuth } from '@concord/governance';
import { type HealthCheck } from '@concord/observability';
import { ApiErrorResponses } from './api-error-responses.js';
import { type AppName } from './app-catalog.js';
import { type AppConfig } from './app-config.js';
import { DependencyReporter } from './dependency-reporter.service.js';
import { DownstreamClients } from './downstream.clients.js';
import { APP_CONFIG, VENDOR_CHECKS } from './platform.tokens.js';

/** Operational routes every internal app serves: what it depends on, and how long each hop takes. */
@ApiTags('diagnostics')
@ApiBearerAuth('serviceToken')
@ApiBearerAuth('apiKey')
@Controller('v1/diagnostics')
export class DiagnosticsController {
  constructor(
    private readonly reporter: DependencyReporter,
    private readonly downstream: DownstreamClients,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VENDOR_CHECKS) private readonly vendorChecks: HealthCheck[],
  ) {}

  /** This app's own dependencies (and vendor endpoints), then the report of every app below. */
  @Get('dependencies')
  @InternalAuth()
  @ApiOkResponse({ type: DependencyReportDto })
  @ApiErrorResponses(400, 401, 403)
  dependencies(@Query() query: DependencyQueryDto): Promise<DependencyReportDto> {
    return this.reporter.report(query.timeoutMs, this.vendorChecks);
  }

  /** Sends a request down one app per layer and reports the time spent at each hop. */
  @Get('trace')
  @InternalAuth()
  @ApiOkResponse({ type: TraceReportDto })
  @ApiErrorResponses(400, 401, 403, 503)
  async trace(@Query() query: TraceQueryDto): Promise<TraceReportDto> {
    const started = performance.now();
    const [next, ...rest] = query.path ? query.path.split(',') : [];
    const targets = this.downstream.targets();
    let hops: TraceReportDto['hops'] = [];
    if (targets.length > 0) {
      const target = (next ?? targets[0]) as AppName;
      if (!targets.includes(target)) {
        throw new ConcordException(
          ErrorCode.VALIDATION_FAILED,
          `${this.config.app.name} cannot reach ${target}`,
          [{ path: 'path', message: `next hop must be one of ${targets.join(', ')}` }],
        );
      }
      hops = (await new DiagnosticsClient(this.downstream.get(target)).trace(rest)).hops;
    }
    const own = {
      app: this.config.app.name,
      layer: this.config.app.layer,
      durationMs: round(performance.now() - started),
    };
    return { hops: [own, ...hops] };
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
