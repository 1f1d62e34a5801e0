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
