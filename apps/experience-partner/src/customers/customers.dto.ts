import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CustomerV1, SyncStatus } from '@concord/contracts';

export const DEFAULT_CUSTOMER_PAGE = 20;

const CUSTOMER_ID = '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11';
const ONBOARDING_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

export class CustomerAcceptedDto {
  @ApiProperty({ format: 'uuid', description: "Concord's ID of the customer", example: CUSTOMER_ID })
  customerId!: string;

  @ApiProperty({ format: 'uuid', description: 'Follow it at `Location`', example: ONBOARDING_ID })
  onboardingId!: string;

  @ApiProperty({ example: 'accepted' })
  status!: string;
}

export class CustomerIdParamDto {
  @ApiProperty({ format: 'uuid', example: CUSTOMER_ID })
  @IsUUID()
  id!: string;
}

export class CustomerListQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; opaque' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: DEFAULT_CUSTOMER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CustomerSummaryDto {
  @ApiProperty({ format: 'uuid', example: CUSTOMER_ID })
  customerId!: string;

  @ApiProperty({ example: 'Contoso GmbH' })
  name!: string;

  @ApiProperty({ example: 'DE' })
  country!: string;

  @ApiProperty({ enum: SyncStatus, example: SyncStatus.Synced })
  status!: SyncStatus;

  @ApiProperty({ format: 'uuid', example: ONBOARDING_ID })
  onboardingId!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-04T10:15:02.114Z' })
  updatedAt!: string;
}

export class CustomerPageDto {
  @ApiProperty({ type: [CustomerSummaryDto] })
  items!: CustomerSummaryDto[];

  @ApiPropertyOptional({ description: 'Pass back as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class OnboardingRefDto {
  @ApiProperty({ format: 'uuid', example: ONBOARDING_ID })
  id!: string;

  @ApiProperty({ example: 'synced' })
  state!: string;
}

export class SystemSyncDto {
  @ApiProperty({ enum: SyncStatus, example: SyncStatus.Synced })
  status!: SyncStatus;
}

export class FieldOwnersDto {
  @ApiProperty({ enum: ['crm'], description: 'Name, contact and address data', example: 'crm' })
  profile!: 'crm';

  @ApiProperty({ enum: ['erp'], description: 'Legal entity and finance data', example: 'erp' })
  legal!: 'erp';

  @ApiProperty({ enum: ['billing'], description: 'Payment and invoice status', example: 'billing' })
  paymentStatus!: 'billing';
}

export class PartnerCustomerDto {
  @ApiProperty({ format: 'uuid', example: CUSTOMER_ID })
  customerId!: string;

  @ApiProperty({ type: () => CustomerV1, description: 'The canonical customer' })
  profile!: CustomerV1;

  @ApiProperty({ type: OnboardingRefDto })
  onboarding!: OnboardingRefDto;

  @ApiProperty({ type: SystemSyncDto })
  erp!: SystemSyncDto;

  @ApiProperty({ type: SystemSyncDto })
  billing!: SystemSyncDto;

  @ApiPropertyOptional({ format: 'date-time', example: '2025-03-04T10:15:04.870Z' })
  lastSyncedAt?: string;

  @ApiProperty({ type: FieldOwnersDto, description: 'Which system is the record of each part' })
  owners!: FieldOwnersDto;
}
