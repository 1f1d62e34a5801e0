import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CustomerV1 } from '@concord/contracts';

export class StartOnboardingDto {
  @ApiProperty({
    type: () => CustomerV1,
    description: "Checked against the canonical rules by the saga's first steps; refusals show in the flow",
  })
  @IsObject()
  customer!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The CRM account this onboarding is for, when it exists already' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  crmAccountId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

export class OnboardingAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  onboardingId!: string;

  @ApiProperty({ format: 'uuid', description: 'Canonical customer ID' })
  concordId!: string;

  @ApiProperty({ example: 'accepted' })
  status!: string;
}

export class OnboardingIdParamDto {
  @IsUUID()
  id!: string;
}

export class OnboardingQueryDto {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  crmAccountId!: string;
}

export class OnboardingStepDto {
  @ApiProperty({ example: 'erp' })
  name!: string;

  @ApiProperty({ enum: ['ACCEPTED', 'SUBMITTED', 'CONFIRMED', 'REJECTED', 'TIMED_OUT'] })
  outcome!: string;

  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  finishedAt!: string | null;
}

export class OnboardingDto {
  @ApiProperty({ format: 'uuid' })
  onboardingId!: string;

  @ApiProperty({ format: 'uuid' })
  concordId!: string;

  @ApiProperty({
    enum: [
      'accepted',
      'crm-account',
      'validating',
      'matching',
      'review',
      'erp',
      'billing',
      'crm-writeback',
      'synced',
      'rejected',
      'failed',
    ],
  })
  state!: string;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  customer!: Record<string, unknown>;

  @ApiProperty({ type: [OnboardingStepDto] })
  steps!: OnboardingStepDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
