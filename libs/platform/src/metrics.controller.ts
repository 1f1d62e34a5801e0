import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@concord/governance';
import { type Registry } from '@concord/observability';
import { METRICS_REGISTRY } from './platform.tokens.js';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Prometheus metrics', security: [] })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus exposition format' })
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
