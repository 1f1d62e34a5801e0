import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class OnboardingIdParamDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsUUID()
  id!: string;
}

export class OnboardingStepStatusDto {
  @ApiProperty({ enum: ['crm-account', 'validate', 'erp', 'billing', 'crm-writeback'], example: 'erp' })
  name!: string;

  @ApiProperty({
    enum: ['ACCEPTED', 'SUBMITTED', 'CONFIRMED', 'REJECTED', 'TIMED_OUT'],
    example: 'CONFIRMED',
  })
  outcome!: string;

  @ApiProperty({ format: 'date-time', nullable: true, example: '2025-03-04T10:15:02.114Z' })
  finishedAt!: string | null;
}

export class OnboardingStatusDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  onboardingId!: string;

  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  customerId!: string;

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
    example: 'synced',
  })
  state!: string;

  @ApiProperty({
    type: [OnboardingStepStatusDto],
    example: [
      { name: 'crm-account', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:01.020Z' },
      { name: 'validate', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:01.310Z' },
      { name: 'match', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:01.420Z' },
      { name: 'erp', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:02.114Z' },
      { name: 'billing', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:03.402Z' },
      { name: 'crm-writeback', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:04.870Z' },
    ],
  })
  steps!: OnboardingStepStatusDto[];

  @ApiPropertyOptional({
    description: 'Why the customer was rejected, when it was',
    example: 'ERP rejected the customer: invalid data (taxId: wrong check digits)',
  })
  message?: string;
}
