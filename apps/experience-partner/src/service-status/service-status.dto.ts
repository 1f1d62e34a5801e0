import { ApiProperty } from '@nestjs/swagger';

export class ServiceStatusDto {
  @ApiProperty({ enum: ['operational', 'degraded', 'unavailable'], example: 'operational' })
  status!: 'operational' | 'degraded' | 'unavailable';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['operational', 'degraded', 'unavailable'] },
    example: { onboarding: 'operational', activation: 'operational', reconciliation: 'operational' },
  })
  capabilities!: Record<string, 'operational' | 'degraded' | 'unavailable'>;
}
