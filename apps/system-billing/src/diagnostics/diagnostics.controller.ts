import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DependencyQueryDto, DependencyReportDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { APP_CONFIG, type AppConfig, DependencyReporter, vendorReachability, ApiErrorResponses } from '@concord/platform';

@ApiTags('diagnostics')
@ApiBearerAuth('serviceToken')
@Controller('v1/diagnostics')
export class DiagnosticsController {
  constructor(
    private readonly reporter: DependencyReporter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The app's own dependencies and whether the vendor endpoint answers. */
  @Get('dependencies')
  @ServiceAuth()
  @ApiOkResponse({ type: DependencyReportDto })
  @ApiErrorResponses(400, 401, 403)
  dependencies(@Query() query: DependencyQueryDto): Promise<DependencyReportDto> {
    const vendor = vendorReachability('stripe', `${this.config.vendors.stripeUrl}/v1/customers`);
    return this.reporter.report(query.timeoutMs, [vendor]);
  }
}
