import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCurrencyCode } from '../../validation/currency-code.util.js';

export enum ProductType {
  Service = 'service',
  Inventory = 'inventory',
  NonInventory = 'non_inventory',
}

export enum RecurringInterval {
  Day = 'day',
  Week = 'week',
  Month = 'month',
  Year = 'year',
}

/** An amount in the currency's minor unit (cents for EUR), so no money ever travels as a float. */
export class MoneyV1 {
  @ApiProperty({ minimum: 0, description: 'Amount in minor units (e.g. cents)', example: 4900 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ description: 'ISO 4217 alpha-3, upper case', example: 'EUR' })
  @IsCurrencyCode()
  currency!: string;
}

/** Billing cadence of a recurring product: every `intervalCount` `interval`s. */
export class RecurringV1 {
  @ApiProperty({ enum: RecurringInterval, enumName: 'RecurringInterval', example: RecurringInterval.Month })
  @IsEnum(RecurringInterval)
  interval!: RecurringInterval;

  @ApiProperty({ minimum: 1, maximum: 36, example: 1 })
  @IsInt()
  @Min(1)
  @Max(36)
  intervalCount!: number;
}

/** Canonical product (item), version 1. The ERP owns the product master. */
export class ProductV1 {
  @ApiProperty({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', example: 'CNC-SUP-GOLD' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, {
    message: '$property must be 1-40 characters of A-Z, a-z, 0-9, ., _ or -',
  })
  sku!: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Gold support plan' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: '$property must not be blank' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 4000, example: '24/7 support with a 1-hour response time' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: ProductType, enumName: 'ProductType', example: ProductType.Service })
  @IsEnum(ProductType)
  type!: ProductType;

  @ApiProperty({ example: true })
  @IsBoolean()
  active!: boolean;

  @ApiPropertyOptional({ type: () => MoneyV1 })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyV1)
  unitPrice?: MoneyV1;

  @ApiPropertyOptional({ type: () => RecurringV1, description: 'Absent for one-off products' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurringV1)
  recurring?: RecurringV1;

  @ApiPropertyOptional({ maxLength: 10, example: 'EA' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  unitOfMeasure?: string;
}

/** A stored canonical product as system and process APIs return it. */
export class ProductV1Response extends ProductV1 {
  @ApiProperty({ format: 'uuid', example: '9b2f6a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b' })
  @IsUUID()
  id!: string;

  @ApiProperty({ minimum: 1, description: 'Increments on every accepted change', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ format: 'date-time', example: '2025-01-31T09:30:00.000Z' })
  @IsISO8601({ strict: true })
  updatedAt!: string;
}
