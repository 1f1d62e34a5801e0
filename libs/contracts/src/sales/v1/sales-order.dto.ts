import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyV1 } from '../../product/v1/product.dto.js';
import { IsCurrencyCode } from '../../validation/currency-code.util.js';

/** The most lines one canonical sales document carries. */
export const MAX_SALES_LINES = 100;
/** Concord's reference of a sales document: the ERP's external document number holds 35 characters. */
export const SALES_REFERENCE_PATTERN = /^[A-Za-z0-9._:-]{1,35}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export enum SalesOrderStatus {
  Draft = 'draft',
  InReview = 'in_review',
  Open = 'open',
}

/** One item line of a sales order: a product by SKU, a quantity and, when not the list price, a price. */
export class SalesLineV1 {
  @ApiProperty({ description: 'SKU of an activated product', example: 'CNC-SUP-GOLD' })
  @Matches(/^[A-Za-z0-9._-]{1,20}$/, { message: '$property must be 1-20 characters of A-Z a-z 0-9 . _ -' })
  sku!: string;

  @ApiProperty({ minimum: 0.00001, maximum: 999_999_999, example: 3 })
  @IsNumber({ maxDecimalPlaces: 5, allowNaN: false, allowInfinity: false })
  @Min(0.00001)
  @Max(999_999_999)
  quantity!: number;

  @ApiPropertyOptional({ type: () => MoneyV1, description: "Unit price; the ERP item's price when absent" })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyV1)
  unitPrice?: MoneyV1;

  @ApiPropertyOptional({ maxLength: 100, example: 'Gold support, 12 months' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  description?: string;
}

/** `POST /v1/sales-orders` body, version 1: a sales order for an onboarded customer. */
export class SalesOrderV1 {
  @ApiProperty({
    description:
      "Concord's reference (the activation's ID); the ERP keeps it as the external document number",
    pattern: SALES_REFERENCE_PATTERN.source,
    example: 'ACT-5b0c7c1e8a57',
  })
  @Matches(SALES_REFERENCE_PATTERN, { message: '$property must be 1-35 characters of A-Z a-z 0-9 . _ : -' })
  reference!: string;

  @ApiProperty({
    description: "The ERP customer's externalId, as the customer upsert answered it",
    example: '3b8b2f2e-6a51-4c3e-8a3f-2d5c1e8f9a01:7c9e6679-7425-40de-944b-e07fc1f90ae7',
  })
  @IsString()
  @MaxLength(80)
  customerExternalId!: string;

  @ApiPropertyOptional({ description: "ISO 4217; the customer's currency when absent", example: 'GBP' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD; today when absent', example: '2026-12-01' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: '$property must be a date YYYY-MM-DD' })
  orderDate?: string;

  @ApiProperty({ type: [SalesLineV1], minItems: 1, maxItems: MAX_SALES_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SALES_LINES)
  @ValidateNested({ each: true })
  @Type(() => SalesLineV1)
  lines!: SalesLineV1[];
}

/** A line as the ERP holds it, with the amounts it computed. */
export class SalesLineRecordV1 {
  @ApiProperty({ example: 'CNC-SUP-GOLD' })
  sku!: string;

  @ApiProperty({ example: 'Gold support plan' })
  description!: string;

  @ApiProperty({ example: 3 })
  quantity!: number;

  @ApiProperty({ type: () => MoneyV1 })
  unitPrice!: MoneyV1;

  @ApiProperty({ type: () => MoneyV1, description: 'Line amount before tax' })
  amountExcludingTax!: MoneyV1;
}

/** Fields every ERP sales document shares. */
export class SalesDocumentRecordV1 {
  @ApiProperty({ description: "The document's ID in the ERP", example: '3b8b2f2e-…:a1b2c3d4-…' })
  externalId!: string;

  @ApiProperty({ description: "The ERP's document number", example: 'S-ORD101001' })
  number!: string;

  @ApiProperty({
    description: "Concord's reference (external document number); empty when none",
    example: 'ACT-5b0c7c1e8a57',
  })
  reference!: string;

  @ApiProperty({ example: '3b8b2f2e-…:7c9e6679-…' })
  customerExternalId!: string;

  @ApiProperty({ example: 'CC5B0C7C1E8A574F0B9A' })
  customerNumber!: string;

  @ApiProperty({ example: 'GBP' })
  currency!: string;

  @ApiProperty({ type: [SalesLineRecordV1] })
  lines!: SalesLineRecordV1[];

  @ApiProperty({ type: () => MoneyV1 })
  totalExcludingTax!: MoneyV1;

  @ApiProperty({ type: () => MoneyV1 })
  totalIncludingTax!: MoneyV1;

  @ApiProperty({ description: 'Source version (the ERP modstamp)', example: '2026-12-01T10:00:00.000Z' })
  sourceVersion!: string;
}

export class SalesOrderRecordV1 extends SalesDocumentRecordV1 {
  @ApiProperty({ enum: SalesOrderStatus, enumName: 'SalesOrderStatus', example: SalesOrderStatus.Draft })
  status!: SalesOrderStatus;

  @ApiProperty({ example: '2026-12-01' })
  orderDate!: string;
}

/** The answer of a create: the order, and whether this call created it (201) or found it (200). */
export class SalesOrderOutcomeDto {
  @ApiProperty({ example: true })
  created!: boolean;

  @ApiProperty({ type: () => SalesOrderRecordV1 })
  order!: SalesOrderRecordV1;
}

export class SalesOrderChangeDto {
  @ApiProperty({ enum: ['upsert', 'delete'], example: 'upsert' })
  kind!: 'upsert' | 'delete';

  @ApiProperty({ example: '3b8b2f2e-…:a1b2c3d4-…' })
  externalId!: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  sourceVersion!: string;

  @ApiPropertyOptional({
    type: () => SalesOrderRecordV1,
    description: 'Absent for deletions (Business Central deletes an order once it is fully invoiced)',
  })
  record?: SalesOrderRecordV1;
}

export class SalesOrderChangePageDto {
  @ApiProperty({ type: [SalesOrderChangeDto] })
  changes!: SalesOrderChangeDto[];

  @ApiProperty({ example: 'eyJ2IjoyLCJtIjoiMjAyNi0xMi0wMVQxMDowMDowMC4wMDBaIn0' })
  nextCursor!: string;

  @ApiProperty({ example: false })
  hasMore!: boolean;
}
