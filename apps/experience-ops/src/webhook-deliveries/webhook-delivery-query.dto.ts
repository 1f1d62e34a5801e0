import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PARTNER_EVENT_TYPES } from '@concord/queues';
import { PageQueryDto } from '../common/page-query.dto.js';

export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** `?status=failed&status=retrying` and `?status=failed,retrying` mean the same. */
function toList({ value }: { value: unknown }): unknown {
  const parts = Array.isArray(value) ? (value as unknown[]) : [value];
  return parts.flatMap((part) => (typeof part === 'string' ? part.split(',').filter(Boolean) : [part]));
}

export class WebhookDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: DELIVERY_STATUSES,
    isArray: true,
    description: 'Repeat the parameter or give a comma list',
    example: ['retrying', 'failed'],
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(DELIVERY_STATUSES, { each: true })
  status?: DeliveryStatus[];

  @ApiPropertyOptional({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '0f8fad5b-d9cb-469f-a165-70867728950e' })
  @IsOptional()
  @IsUUID()
  endpointId?: string;

  @ApiPropertyOptional({ enum: PARTNER_EVENT_TYPES, example: 'customer.onboarding.completed' })
  @IsOptional()
  @IsIn(PARTNER_EVENT_TYPES)
  eventType?: string;

  @ApiPropertyOptional({ example: 'evt_3b1f0c2d9e8a7b6c5d4e3f2a1b0c9d8e' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^evt_[0-9a-f]{1,60}$/)
  eventId?: string;
}

export class DeliveryIdParamDto {
  @ApiProperty({ format: 'uuid', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  @IsUUID()
  id!: string;
}
