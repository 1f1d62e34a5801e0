import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  CustomerV1,
  type PartnerOnboarding,
  type PartnerOnboardingPage,
  type PartnerOnboardingStep,
  type PartnerOnboardingSummary,
  type PartnerOnboardingSummaryPage,
} from '@concord/contracts';

export const DEFAULT_PARTNER_PAGE = 20;
export const MAX_PARTNER_PAGE = 100;

export class PartnerParamsDto {
  @ApiProperty({ format: 'uuid', example: '0f8e4c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b' })
  @IsUUID()
  partnerId!: string;
}

export class PartnerOnboardingParamsDto extends PartnerParamsDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsUUID()
  id!: string;
}

export class PartnerOnboardingsQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; opaque' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PARTNER_PAGE, default: DEFAULT_PARTNER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PARTNER_PAGE)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the onboardings of this canonical customer' })
  @IsOptional()
  @IsUUID()
  concordId?: string;
}

export class PartnerOnboardingStepDto implements PartnerOnboardingStep {
  @ApiProperty({ example: 'erp' })
  name!: string;

  @ApiProperty({
    enum: ['ACCEPTED', 'SUBMITTED', 'CONFIRMED', 'REJECTED', 'TIMED_OUT'],
    example: 'CONFIRMED',
  })
  outcome!: string;

  @ApiProperty({ format: 'date-time', nullable: true, example: '2025-03-04T10:15:02.114Z' })
  finishedAt!: string | null;
}

export class PartnerOnboardingDto implements PartnerOnboarding {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  onboardingId!: string;

  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  concordId!: string;

  @ApiProperty({ example: 'synced' })
  state!: string;

  @ApiProperty({
    type: () => CustomerV1,
    description: 'The canonical customer once validated, the customer as received before that',
  })
  customer!: Record<string, unknown>;

  @ApiProperty({ type: [PartnerOnboardingStepDto] })
  steps!: PartnerOnboardingStepDto[];

  @ApiPropertyOptional({ example: 'ERP rejected the customer: invalid data (taxId: wrong check digits)' })
  message?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PartnerOnboardingPageDto implements PartnerOnboardingPage {
  @ApiProperty({ type: [PartnerOnboardingDto] })
  items!: PartnerOnboardingDto[];

  @ApiPropertyOptional({ description: 'Pass back as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class PartnerOnboardingSummaryCustomerDto {
  @ApiPropertyOptional({ example: 'Contoso GmbH' })
  name?: string;

  @ApiPropertyOptional({ example: 'DE' })
  country?: string;

  @ApiPropertyOptional({ example: 'Contoso Deutschland GmbH' })
  legalName?: string;
}

export class PartnerOnboardingSummaryDto
  extends PickType(PartnerOnboardingDto, [
    'onboardingId',
    'concordId',
    'state',
    'createdAt',
    'updatedAt',
  ] as const)
  implements PartnerOnboardingSummary
{
  @ApiProperty({
    type: () => PartnerOnboardingSummaryCustomerDto,
    description: 'From the canonical customer once validated, from the customer as received before that',
  })
  customer!: Record<string, string>;
}

export class PartnerOnboardingSummaryPageDto implements PartnerOnboardingSummaryPage {
  @ApiProperty({ type: [PartnerOnboardingSummaryDto] })
  items!: PartnerOnboardingSummaryDto[];

  @ApiPropertyOptional({ description: 'Pass back as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}
