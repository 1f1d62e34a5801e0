import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const COLLECTION_METHODS = ['charge_automatically', 'send_invoice'] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const;

export class SubscriptionKeyParams {
  @ApiProperty({
    description: "Concord's stable key of the subscription, e.g. the CRM contract or opportunity ID",
    pattern: '^[A-Za-z0-9._:-]{1,100}$',
    example: 'crm:contract:8004x00000AbCdE',
  })
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, {
    message: '$property must be 1-100 characters of A-Z, a-z, 0-9, ., _, : or -',
  })
  subscriptionKey!: string;
}

export class SubscriptionItemDto {
  @ApiProperty({
    example: 'CNC-SUP-GOLD',
    description: 'SKU of a billing product with an active recurring price',
  })
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, {
    message: '$property must be 1-40 characters of A-Z, a-z, 0-9, ., _ or -',
  })
  sku!: string;

  @ApiProperty({ minimum: 1, example: 3 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;
}

export class SubscriptionRequestDto {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsUUID()
  customerConcordId!: string;

  @ApiProperty({ type: [SubscriptionItemDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SubscriptionItemDto)
  items!: SubscriptionItemDto[];

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-07-01',
    description:
      'First day of billing (UTC). A future date defers the first charge to that day; today or earlier bills now. Only read when the subscription is created.',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: '$property must be a date YYYY-MM-DD',
  })
  startDate?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 730,
    example: 14,
    description: 'Free days from the start; only read when the subscription is created',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  trialDays?: number;

  @ApiPropertyOptional({ enum: COLLECTION_METHODS, default: 'charge_automatically' })
  @IsOptional()
  @IsIn(COLLECTION_METHODS)
  collectionMethod?: CollectionMethod;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 730,
    example: 30,
    description: 'Payment terms of each invoice; required with, and only allowed with, send_invoice',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  daysUntilDue?: number;
}

export class CancelSubscriptionDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Cancel when the current period ends instead of now',
  })
  @IsOptional()
  @IsBoolean()
  atPeriodEnd?: boolean;
}

export class SubscriptionItemRecordDto {
  @ApiProperty({ example: 'CNC-SUP-GOLD' })
  sku!: string;

  @ApiProperty({ example: 3 })
  quantity!: number;

  @ApiProperty({ example: 'price_1MoBy5LkdIwHu7ixZhnattbh' })
  priceExternalId!: string;
}

export class SubscriptionRecordDto {
  @ApiProperty({ example: 'crm:contract:8004x00000AbCdE' })
  subscriptionKey!: string;

  @ApiProperty({ example: 'sub_1MowQVLkdIwHu7ixeRlqHVzs' })
  externalId!: string;

  @ApiProperty({ enum: SUBSCRIPTION_STATUSES, example: 'active' })
  status!: string;

  @ApiProperty({ example: false, description: 'Whether the subscription ends with its current period' })
  cancelAtPeriodEnd!: boolean;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-08-01T00:00:00.000Z' })
  currentPeriodEnd?: string;

  @ApiProperty({ type: [SubscriptionItemRecordDto] })
  items!: SubscriptionItemRecordDto[];

  @ApiProperty({
    format: 'date-time',
    example: '2026-07-01T09:30:00.000Z',
    description: 'When Concord read this state from billing',
  })
  sourceVersion!: string;
}
