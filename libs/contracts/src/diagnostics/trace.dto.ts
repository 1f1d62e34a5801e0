import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class TraceQueryDto {
  @ApiPropertyOptional({
    description:
      'Apps to traverse below this one, comma separated, one per layer; by default the first app of each layer',
    example: 'process-onboarding,system-crm',
  })
  @IsOptional()
  @Matches(/^[a-z-]+(,[a-z-]+){0,2}$/, { message: 'path must be app names separated by commas' })
  path?: string;
}

export class TraceHopDto {
  @ApiProperty({ example: 'process-onboarding' })
  app!: string;

  @ApiProperty({ enum: ['experience', 'process', 'system'], example: 'process' })
  layer!: 'experience' | 'process' | 'system';

  @ApiProperty({
    description: 'Time this app spent on the request, downstream calls included',
    example: 1.42,
  })
  durationMs!: number;
}

/** The route a request took through the layers, with the time spent at each hop. */
export class TraceReportDto {
  @ApiProperty({ type: [TraceHopDto] })
  hops!: TraceHopDto[];
}
