import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from './webhook-delivery-query.dto.js';

export class WebhookDeliverySummaryDto {
  @ApiProperty({ format: 'uuid', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  id!: string;

  @ApiProperty({ example: 'evt_3b1f0c2d9e8a7b6c5d4e3f2a1b0c9d8e' })
  eventId!: string;

  @ApiProperty({ example: 'customer.onboarding.completed' })
  eventType!: string;

  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  partnerId!: string;

  @ApiProperty({ format: 'uuid', example: '0f8fad5b-d9cb-469f-a165-70867728950e' })
  endpointId!: string;

  @ApiProperty({ example: 'https://portal.example.com/hooks/concord' })
  url!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'retrying' })
  status!: string;

  @ApiProperty({ description: 'Attempts so far, resends included', example: 2 })
  attempts!: number;

  @ApiProperty({ nullable: true, example: 500 })
  lastResponseStatus!: number | null;

  @ApiProperty({ nullable: true, description: 'First 512 characters of the answer', example: 'oops' })
  lastResponseExcerpt!: string | null;

  @ApiProperty({ nullable: true, example: null })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, example: '2026-11-23T10:00:05.000Z' })
  lastAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, example: '2026-11-23T10:00:15.000Z' })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, example: null })
  deliveredAt!: string | null;

  @ApiProperty({ example: '3f1c9a52-7d7e-4f0e-9a43-2b8d0c7d9a11' })
  correlationId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliverySummaryDto] })
  items!: WebhookDeliverySummaryDto[];

  @ApiPropertyOptional({ description: 'Absent on the last page' })
  nextCursor?: string;
}

export class WebhookDeliveryAttemptDto {
  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ nullable: true, example: 500 })
  responseStatus!: number | null;

  @ApiProperty({ nullable: true, example: 'oops' })
  responseExcerpt!: string | null;

  @ApiProperty({ nullable: true, example: null })
  error!: string | null;

  @ApiProperty({ example: 42 })
  durationMs!: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T10:00:05.000Z' })
  at!: string;
}

export class WebhookDeliveryDetailDto extends WebhookDeliverySummaryDto {
  @ApiProperty({
    description: 'The event body as sent',
    example: {
      id: 'evt_3b1f0c2d9e8a7b6c5d4e3f2a1b0c9d8e',
      type: 'customer.onboarding.completed',
      created: 1763892000,
      data: {
        customerId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
        onboardingId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        status: 'synced',
      },
    },
  })
  payload!: unknown;

  @ApiProperty({ type: [WebhookDeliveryAttemptDto] })
  attemptLog!: WebhookDeliveryAttemptDto[];
}

export class WebhookResendResultDto {
  @ApiProperty({ format: 'uuid', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  id!: string;

  @ApiProperty({ example: 'pending' })
  status!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'failed' })
  previousStatus!: string;
}
