import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProductV1 } from '../product/v1/product.dto.js';

/** A product as one system holds it: the canonical fields plus that system's identity and version. */
export class ProductRecordV1 extends ProductV1 {
  @ApiProperty({ description: "The product's ID in the system", example: '01t000000000001AAA' })
  externalId!: string;

  @ApiPropertyOptional({
    description: "The system's ID of the current price (Salesforce PricebookEntry, Stripe price)",
    example: 'price_1MoBy5LkdIwHu7ixZhnattbh',
  })
  priceExternalId?: string;

  @ApiProperty({
    description: 'Source version (the system modstamp), used for ordering',
    example: '2026-11-23T10:00:00.000Z',
  })
  sourceVersion!: string;
}

export class ProductChangeDto {
  @ApiProperty({ enum: ['upsert', 'delete'], example: 'upsert' })
  kind!: 'upsert' | 'delete';

  @ApiProperty({ example: '1896-S' })
  sku!: string;

  @ApiProperty({ example: '5d115c9c-44e3-ea11-bb43-000d3a2feca1' })
  externalId!: string;

  @ApiProperty({ description: 'Source version of this change', example: '2026-11-23T10:00:00.000Z' })
  sourceVersion!: string;

  @ApiPropertyOptional({ type: () => ProductRecordV1, description: 'Absent for deletions' })
  record?: ProductRecordV1;
}

/** One page of the product change feed; pass `nextCursor` back to continue. */
export class ProductChangePageDto {
  @ApiProperty({ type: [ProductChangeDto] })
  changes!: ProductChangeDto[];

  @ApiProperty({ example: 'eyJtb2RzdGFtcCI6IjIwMjYtMTEtMjNUMTA6MDA6MDAuMDAwWiIsImlkIjoiMDAxIn0' })
  nextCursor!: string;

  @ApiProperty({ example: false })
  hasMore!: boolean;
}
