import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

export class SkuParamsDto {
  @Matches(SKU_PATTERN, { message: '$property must be 1-40 characters of A-Z, a-z, 0-9, ., _ or -' })
  sku!: string;
}

export class ProductChangesQueryDto {
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
