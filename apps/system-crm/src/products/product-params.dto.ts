import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ChangesQueryDto, DEFAULT_CHANGES_LIMIT } from '@concord/contracts';

export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

export class SkuParamDto {
  @ApiProperty({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', example: 'CNC-SUP-GOLD' })
  @IsString()
  @Matches(SKU_PATTERN, { message: '$property must be 1-40 characters of A-Z, a-z, 0-9, ., _ or -' })
  sku!: string;
}

export { DEFAULT_CHANGES_LIMIT };

/** The product feed takes the query every system feed takes. */
export class ProductChangesQueryDto extends ChangesQueryDto {}
