import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE = 50;

/** `limit` and `cursor` of the cursor-paged lists of this API. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: DEFAULT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; opaque' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
