import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CustomerV1, SyncStatus } from '../customer/v1/customer.dto.js';

/** A customer as one system holds it: the canonical fields plus that system's identity and version. */
export class CustomerRecordV1 extends CustomerV1 {
  @ApiProperty({
    description: 'Concord canonical ID',
    format: 'uuid',
    example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
  })
  concordId!: string;

  @ApiProperty({ description: "The record's ID in the system", example: '001000000000001AAA' })
  externalId!: string;

  @ApiProperty({
    description: 'Source version (the system modstamp), used for ordering',
    example: '2026-11-23T10:00:00.000Z',
  })
  sourceVersion!: string;

  @ApiPropertyOptional({ enum: SyncStatus, example: SyncStatus.Synced })
  syncStatus?: SyncStatus;

  @ApiPropertyOptional({ example: 'ERP rejected the tax ID' })
  syncMessage?: string;

  @ApiPropertyOptional({
    description: "The CRM's account type (Salesforce `Account.Type`); what the onboarding rule reads",
    example: 'Customer',
  })
  accountType?: string;
}

/** Links an existing CRM account to a canonical ID (the account keeps every other field). */
export class CustomerLinkDto {
  @ApiProperty({ description: "The account's record ID in the CRM", example: '001000000000001AAA' })
  @IsString()
  @Matches(/^\S+$/)
  @MaxLength(64)
  externalId!: string;
}

/** What an idempotent write did in the target system. */
export class UpsertOutcomeDto {
  @ApiProperty({ example: '001000000000001AAA' })
  externalId!: string;

  @ApiProperty({ description: 'true when the write created the record', example: true })
  created!: boolean;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  sourceVersion!: string;

  @ApiPropertyOptional({
    description:
      "The record's business number where the system keeps one apart from its ID (the Business Central customer No.)",
    example: 'CC5B0C7C1E8A574F0B9A',
  })
  number?: string;
}

/** Write-back of Concord's verdict (and the other systems' IDs) onto the CRM account. */
export class SyncStatusUpdateDto {
  @ApiProperty({ enum: SyncStatus, example: SyncStatus.Synced })
  @IsEnum(SyncStatus)
  status!: SyncStatus;

  @ApiPropertyOptional({ maxLength: 255, example: 'Onboarded: ERP C00042, billing cus_123' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  message?: string;

  @ApiPropertyOptional({ maxLength: 20, example: 'C00042' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  erpCustomerNumber?: string;

  @ApiPropertyOptional({ maxLength: 255, example: 'cus_NffrFeUfNV2Hib' })
  @IsOptional()
  @IsString()
  @Matches(/^\S+$/)
  @MaxLength(255)
  billingCustomerId?: string;

  @ApiPropertyOptional({
    maxLength: 64,
    example: '001000000000001AAA',
    description:
      'The CRM account to write to, by its record ID, when it may not carry the canonical ID yet: the ' +
      'write stamps it on the account (409 when the account carries another one)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\S+$/)
  @MaxLength(64)
  accountId?: string;
}

export type ChangeKind = 'upsert' | 'delete';

export class CustomerChangeDto {
  @ApiProperty({ enum: ['upsert', 'delete'], example: 'upsert' })
  kind!: ChangeKind;

  @ApiProperty({ example: '001000000000001AAA' })
  externalId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  concordId?: string;

  @ApiProperty({ description: 'Source version of this change', example: '2026-11-23T10:00:00.000Z' })
  sourceVersion!: string;

  @ApiPropertyOptional({ type: () => CustomerRecordV1, description: 'Absent for deletions' })
  record?: CustomerRecordV1;
}

/** One page of a change feed; pass `nextCursor` back to continue, even when the page is empty. */
export class CustomerChangePageDto {
  @ApiProperty({ type: [CustomerChangeDto] })
  changes!: CustomerChangeDto[];

  @ApiProperty({ example: 'eyJtb2RzdGFtcCI6IjIwMjYtMTEtMjNUMTA6MDA6MDAuMDAwWiIsImlkIjoiMDAxIn0' })
  nextCursor!: string;

  @ApiProperty({ description: 'true when more changes are waiting right now', example: false })
  hasMore!: boolean;
}
