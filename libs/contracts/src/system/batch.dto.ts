import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { CustomerV1 } from '../customer/v1/customer.dto.js';
import { ErrorDetailDto } from '../errors/error-envelope.dto.js';
import { ProductV1 } from '../product/v1/product.dto.js';
import { type AdapterErrorKind } from './adapter-error.js';
import { UpsertOutcomeDto } from './customer-record.dto.js';

/** The most items one batch call of a system API takes (Salesforce collections hold 200). */
export const MAX_BATCH_ITEMS = 200;

const KINDS: AdapterErrorKind[] = [
  'Temporary',
  'Throttled',
  'AuthFailed',
  'NotFound',
  'Rejected',
  'Conflict',
  'Unknown',
];

/** Why one item of a batch failed, in the closed set of adapter error kinds. */
export class BatchItemErrorDto {
  @ApiProperty({ enum: KINDS, example: 'Rejected' })
  kind!: AdapterErrorKind;

  @ApiProperty({ example: 'Required fields are missing: [Name]' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}

export class CustomerBatchItemDto {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsUUID()
  concordId!: string;

  @ApiProperty({ type: () => CustomerV1 })
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerV1)
  customer!: CustomerV1;
}

/** `POST /v1/customers/batch` body: 1 to 200 upserts, written through the vendor's batch path. */
export class CustomerBatchRequestDto {
  @ApiProperty({ type: [CustomerBatchItemDto], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CustomerBatchItemDto)
  items!: CustomerBatchItemDto[];
}

/** One item's result, in input order: the outcome when `ok`, the vendor's verdict otherwise. */
export class CustomerBatchResultDto {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  concordId!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: () => UpsertOutcomeDto, description: 'Present when ok' })
  outcome?: UpsertOutcomeDto;

  @ApiPropertyOptional({ type: () => BatchItemErrorDto, description: 'Present when not ok' })
  error?: BatchItemErrorDto;
}

/** One result per item, in input order; a failed item never fails the call. */
export class CustomerBatchResponseDto {
  @ApiProperty({ type: [CustomerBatchResultDto] })
  results!: CustomerBatchResultDto[];
}

/** `POST /v1/products/batch` body: 1 to 200 products. */
export class ProductBatchRequestDto {
  @ApiProperty({ type: [ProductV1], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ProductV1)
  items!: ProductV1[];
}

export class ProductBatchResultDto {
  @ApiProperty({ example: 'CNC-SUP-GOLD' })
  sku!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: () => UpsertOutcomeDto, description: 'Present when ok' })
  outcome?: UpsertOutcomeDto;

  @ApiPropertyOptional({ type: () => BatchItemErrorDto, description: 'Present when not ok' })
  error?: BatchItemErrorDto;
}

export class ProductBatchResponseDto {
  @ApiProperty({ type: [ProductBatchResultDto] })
  results!: ProductBatchResultDto[];
}
