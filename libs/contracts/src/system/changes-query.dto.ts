import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_CHANGES_LIMIT = 500;

/** `?cursor=&limit=` of every change feed of a system API. */
export class ChangesQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page; absent to start from the beginning' })
  @IsOptional()
  @IsString()
  @MaxLength(16_384)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 2000, default: DEFAULT_CHANGES_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;
}
