import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type DependencyStatus } from '@concord/contracts';
import { PartnerAuth } from '@concord/governance';
import { ApiErrorResponses, DependencyReporter } from '@concord/platform';
import { ServiceStatusDto } from './service-status.dto.js';
import { ApiQuotaResponses } from '../quotas/quota-docs.util.js';

const STATUS_WORDS: Record<DependencyStatus, ServiceStatusDto['status']> = {
  ok: 'operational',
  degraded: 'degraded',
  unavailable: 'unavailable',
};

@ApiTags('status')
@ApiBearerAuth('apiKey')
@ApiQuotaResponses()
@Controller('v1/status')
export class ServiceStatusController {
  constructor(private readonly reporter: DependencyReporter) {}

  /** Whether each capability a partner uses is working, checked through every layer; no internals. */
  @Get()
  @PartnerAuth('customers:read')
  @ApiOkResponse({ type: ServiceStatusDto })
  @ApiErrorResponses(401, 403)
  async status(): Promise<ServiceStatusDto> {
    const report = await this.reporter.report(3000);
    const capabilities: ServiceStatusDto['capabilities'] = {};
    for (const process of report.downstream) {
      capabilities[process.app.replace(/^process-/, '')] = STATUS_WORDS[process.status];
    }
    return { status: STATUS_WORDS[report.status], capabilities };
  }
}
