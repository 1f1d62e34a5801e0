import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ConcordIdParams {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsUUID()
  concordId!: string;
}

export class CustomerChangesQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page; absent to start from the beginning' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 2000, default: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;
}
