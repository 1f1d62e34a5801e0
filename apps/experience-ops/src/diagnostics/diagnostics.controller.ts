import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DependencyQueryDto, DependencyReportDto } from '@concord/contracts';
import { OperatorAuth } from '@concord/governance';
import { DependencyReporter, ApiErrorResponses } from '@concord/platform';

@ApiTags('diagnostics')
@ApiBearerAuth('apiKey')
@Controller('v1/diagnostics')
export class DiagnosticsController {
  constructor(private readonly reporter: DependencyReporter) {}

  /** This app's dependencies and, one call each, the reports of the layer below. */
  @Get('dependencies')
  @OperatorAuth('viewer')
  @ApiOkResponse({ type: DependencyReportDto })
  @ApiErrorResponses(400, 401, 403)
  dependencies(@Query() query: DependencyQueryDto): Promise<DependencyReportDto> {
    return this.reporter.report(query.timeoutMs);
  }
}
