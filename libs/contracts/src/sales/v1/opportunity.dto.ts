import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyV1 } from '../../product/v1/product.dto.js';

/** A canonical reference to a product: the SKU Concord keys products by, and the CRM's own ID. */
export class ProductReferenceV1 {
  @ApiPropertyOptional({
    description: 'SKU (the ERP item number); absent when the CRM product was never activated by Concord',
    example: 'CNC-SUP-GOLD',
  })
  sku?: string;

  @ApiProperty({ description: "The product's ID in the CRM", example: '01t000000000001AAA' })
  crmProductId!: string;
}

export class OpportunityLineV1 {
  @ApiProperty({ example: '00k000000000001AAA' })
  externalId!: string;

  @ApiProperty({ type: () => ProductReferenceV1 })
  product!: ProductReferenceV1;

  @ApiProperty({ example: 10 })
  quantity!: number;

  @ApiProperty({ type: () => MoneyV1 })
  unitPrice!: MoneyV1;

  @ApiProperty({ type: () => MoneyV1 })
  totalPrice!: MoneyV1;

  @ApiPropertyOptional({ description: 'Service start date, YYYY-MM-DD', example: '2026-12-01' })
  serviceDate?: string;
}

/** An opportunity as the CRM holds it, version 1. */
export class OpportunityRecordV1 {
  @ApiProperty({ description: "The opportunity's ID in the CRM", example: '006000000000001AAA' })
  externalId!: string;

  @ApiProperty({ description: "The account's ID in the CRM", example: '001000000000001AAA' })
  accountExternalId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The account's canonical ID, once Concord linked it" })
  customerConcordId?: string;

  @ApiProperty({ example: 'Northwind platform rollout' })
  name!: string;

  @ApiProperty({ description: "The CRM's stage name", example: 'Closed Won' })
  stage!: string;

  @ApiProperty({ example: true })
  isClosed!: boolean;

  @ApiProperty({ example: true })
  isWon!: boolean;

  @ApiProperty({ example: '2026-12-01' })
  closeDate!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiPropertyOptional({ type: () => MoneyV1 })
  amount?: MoneyV1;

  @ApiProperty({ type: [OpportunityLineV1] })
  lines!: OpportunityLineV1[];

  @ApiProperty({ description: 'Source version (SystemModstamp)', example: '2026-12-01T10:00:00.000Z' })
  sourceVersion!: string;
}

export class OpportunityChangeDto {
  @ApiProperty({ enum: ['upsert', 'delete'], example: 'upsert' })
  kind!: 'upsert' | 'delete';

  @ApiProperty({ example: '006000000000001AAA' })
  externalId!: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  sourceVersion!: string;

  @ApiPropertyOptional({ type: () => OpportunityRecordV1, description: 'Absent for deletions' })
  record?: OpportunityRecordV1;
}

/** One page of the closed-won opportunity feed; pass `nextCursor` back to continue. */
export class OpportunityChangePageDto {
  @ApiProperty({ type: [OpportunityChangeDto] })
  changes!: OpportunityChangeDto[];

  @ApiProperty({ example: 'eyJ2IjoyLCJtIjoiMjAyNi0xMi0wMVQxMDowMDowMC4wMDBaIn0' })
  nextCursor!: string;

  @ApiProperty({ example: false })
  hasMore!: boolean;
}
