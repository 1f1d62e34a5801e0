import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { Public } from '@concord/governance';
import { type HealthCheck, type HealthReport, runHealthChecks } from '@concord/observability';
import { HEALTH_CHECKS } from './platform.tokens.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness', security: [] })
  @ApiOkResponse({ description: 'The process is up', schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness', security: [] })
  @ApiOkResponse({
    description: 'Every dependency answered',
    schema: { example: { status: 'ok', checks: { postgres: { status: 'ok', latencyMs: 2 } } } },
  })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency is unavailable' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await runHealthChecks(this.checks);
    if (report.status !== 'ok') void reply.status(503);
    return report;
  }
}
