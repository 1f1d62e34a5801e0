import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ExceptionCategory, type ExceptionStatus } from '@concord/persistence';
import { EXCEPTION_CATEGORIES, EXCEPTION_STATUSES } from './exception-list-query.dto.js';

const EXAMPLE_ID = '9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const EXAMPLE_CORRELATION = '3f1c9a52-7d7e-4f0e-9a43-2b8d0c7d9a11';

/** One exception in the steward's list. */
export class ExceptionSummaryDto {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID })
  id!: string;

  @ApiProperty({ enum: EXCEPTION_CATEGORIES, example: 'rejected-by-target' })
  category!: ExceptionCategory;

  @ApiProperty({
    enum: EXCEPTION_STATUSES,
    example: 'open',
    description: '`retrying` means waiting for the owning process app to re-submit it',
  })
  status!: ExceptionStatus;

  @ApiProperty({ example: 'customer' })
  domain!: string;

  @ApiProperty({ type: String, nullable: true, example: 'erp' })
  system!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  entityId!: string | null;

  @ApiProperty({ example: EXAMPLE_CORRELATION })
  correlationId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Tax ID is not valid for DE' })
  errorMessage!: string | null;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-23T10:05:00.000Z' })
  updatedAt!: string;
}

export class ExceptionPageDto {
  @ApiProperty({ type: [ExceptionSummaryDto] })
  items!: ExceptionSummaryDto[];

  @ApiPropertyOptional({ description: 'Pass back as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class ExceptionJobDto {
  @ApiProperty({ type: String, nullable: true, example: 'onboarding' })
  queue!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1842' })
  jobId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'onboarding.create-erp-customer' })
  jobName!: string | null;
}

export const TIMELINE_SOURCES = ['event', 'flow', 'step', 'audit'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

/** Something recorded under the exception's correlation ID. */
export class TimelineEntryDto {
  @ApiProperty({ example: '2026-11-23T09:59:58.120Z' })
  at!: string;

  @ApiProperty({ enum: TIMELINE_SOURCES, example: 'step' })
  source!: TimelineSource;

  @ApiProperty({ example: 'create-erp-customer REJECTED (attempt 1)' })
  summary!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      flowId: 'b1a2c3d4-0000-4000-8000-000000000001',
      name: 'create-erp-customer',
      outcome: 'REJECTED',
    },
  })
  data!: Record<string, unknown>;
}

/** The whole exception: what was being sent, what the target answered, the job, and its history. */
export class ExceptionDetailDto extends ExceptionSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The payload that failed (or the steward-edited payload awaiting re-submission)',
    example: {
      concordId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
      name: 'Contoso GmbH',
      taxId: 'DE136695976',
    },
  })
  payload!: unknown;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The target system's answer, as classified by its system API",
    example: { kind: 'Rejected', message: 'Tax ID is not valid for DE', details: [{ path: 'taxId' }] },
  })
  error!: unknown;

  @ApiProperty({ type: () => ExceptionJobDto })
  job!: ExceptionJobDto;

  @ApiProperty({
    type: [TimelineEntryDto],
    description: 'Events, flows, flow steps and steward actions under this correlation ID, oldest first',
  })
  timeline!: TimelineEntryDto[];
}
