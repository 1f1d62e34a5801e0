import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

export class SkuParamDto {
  @ApiProperty({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', example: 'CNC-SUP-GOLD' })
  @IsString()
  @Matches(SKU_PATTERN, { message: '$property must be 1-40 characters of A-Z, a-z, 0-9, ., _ or -' })
  sku!: string;
}

export const DEFAULT_CHANGES_LIMIT = 500;

export class ProductChangesQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; absent to start' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 2000, default: DEFAULT_CHANGES_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;
}
