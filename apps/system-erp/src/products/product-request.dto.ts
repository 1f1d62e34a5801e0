import { Matches } from 'class-validator';
import { ChangesQueryDto } from '@concord/contracts';

export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

export class SkuParamsDto {
  @Matches(SKU_PATTERN, { message: '$property must be 1-40 characters of A-Z, a-z, 0-9, ., _ or -' })
  sku!: string;
}

/** The product feed takes the query every ERP feed takes. */
export class ProductChangesQueryDto extends ChangesQueryDto {}
