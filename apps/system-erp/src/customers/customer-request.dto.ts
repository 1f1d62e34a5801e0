import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ConcordIdParamsDto {
  @IsUUID()
  concordId!: string;
}

export class CustomerChangesQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page; absent to start from the beginning' })
  @IsOptional()
  @IsString()
  @MaxLength(16_384)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 2000, default: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;
}
