import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export type DependencyStatus = 'ok' | 'degraded' | 'unavailable';

export class CheckResultDto {
  @ApiProperty({ enum: ['ok', 'unavailable'], example: 'ok' })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ example: 3 })
  latencyMs!: number;

  @ApiPropertyOptional({ example: 'connect ECONNREFUSED 127.0.0.1:4100' })
  error?: string;
}

/** What an app depends on and how each dependency answered, down the layers. */
export class DependencyReportDto {
  @ApiProperty({ example: 'process-onboarding' })
  app!: string;

  @ApiProperty({ enum: ['experience', 'process', 'system'], example: 'process' })
  layer!: 'experience' | 'process' | 'system';

  @ApiProperty({ enum: ['ok', 'degraded', 'unavailable'], example: 'ok' })
  status!: DependencyStatus;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/CheckResultDto' },
    example: { postgres: { status: 'ok', latencyMs: 2 } },
  })
  checks!: Record<string, CheckResultDto>;

  @ApiProperty({ type: () => [DependencyReportDto] })
  downstream!: DependencyReportDto[];
}

export class DependencyQueryDto {
  @ApiPropertyOptional({
    description: 'Budget for each check and downstream call, in ms',
    minimum: 100,
    maximum: 10000,
    example: 2000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(10000)
  timeoutMs?: number;
}
