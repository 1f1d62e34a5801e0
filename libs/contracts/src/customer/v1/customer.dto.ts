import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { type ExternalSystem } from '../../common/system.types.js';
import { IsCountryCode } from '../../validation/country-code.util.js';
import { IsCurrencyCode } from '../../validation/currency-code.util.js';
import { IsExternalRefs } from '../../validation/external-refs.util.js';
import { IsTaxIdForCountry } from '../../validation/tax-id-for-country.util.js';
import { AddressV1 } from './address.dto.js';

/** Where a canonical record stands with the systems it is synchronised to. */
export enum SyncStatus {
  Pending = 'pending',
  Synced = 'synced',
  Review = 'review',
  Rejected = 'rejected',
}

const NOT_BLANK = /\S/;
const PHONE = /^(?=.*\d)[\d+() -]+$/;

/** Canonical customer (account), version 1: the shape every system API speaks. */
export class CustomerV1 {
  @ApiProperty({ minLength: 1, maxLength: 160, example: 'Contoso GmbH' })
  @IsString()
  @Length(1, 160)
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 160, example: 'Contoso Deutschland GmbH' })
  @IsOptional()
  @IsString()
  @MaxLength(160)
  legalName?: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2, upper case', example: 'DE' })
  @IsCountryCode()
  country!: string;

  @ApiPropertyOptional({
    description:
      'Tax ID checked against `country`: US EIN, or DE/FR/NL/ES/IT/GB VAT number with check digits',
    example: 'DE136695976',
  })
  @IsOptional()
  @IsTaxIdForCountry('country')
  taxId?: string;

  @ApiProperty({ description: 'ISO 4217 alpha-3, upper case', example: 'EUR' })
  @IsCurrencyCode()
  currency!: string;

  @ApiPropertyOptional({ type: () => AddressV1 })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressV1)
  address?: AddressV1;

  @ApiPropertyOptional({
    maxLength: 255,
    description: 'Host name or http(s) URL',
    example: 'contoso.example.com',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: false, require_tld: true })
  @MaxLength(255)
  website?: string;

  @ApiPropertyOptional({ maxLength: 254, example: 'billing@contoso.example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    maxLength: 40,
    description: 'Digits, +, spaces, ( ) and -',
    example: '+49 30 1234567',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(PHONE, { message: '$property may hold only digits, +, spaces, parentheses and dashes' })
  phone?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 365, example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;

  @ApiPropertyOptional({
    description: 'On credit hold: the ERP takes no new orders or invoices for it',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  blocked?: boolean;

  @ApiPropertyOptional({ maxLength: 60, example: 'Enterprise' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  segment?: string;

  @ApiPropertyOptional({ maxLength: 60, example: 'DACH' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  territory?: string;

  @ApiPropertyOptional({
    type: 'object',
    description: 'Record ID of this customer in each external system',
    additionalProperties: { type: 'string' },
    example: { crm: '001Dn00000A1b2cIAB', erp: 'C00010', billing: 'cus_Q1w2e3r4t5' },
  })
  @IsOptional()
  @IsExternalRefs()
  externalRefs?: Partial<Record<ExternalSystem, string>>;
}

/** A stored canonical customer as system and process APIs return it. */
export class CustomerV1Response extends CustomerV1 {
  @ApiProperty({ format: 'uuid', example: '3f0c8a52-9a57-4f63-9a3e-2f7d5b1c9e41' })
  @IsUUID()
  id!: string;

  @ApiProperty({ minimum: 1, description: 'Increments on every accepted change', example: 3 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ format: 'date-time', example: '2025-01-31T09:30:00.000Z' })
  @IsISO8601({ strict: true })
  updatedAt!: string;
}
