import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateBy,
} from 'class-validator';
import { type ExceptionStatus } from '@concord/persistence';
import { EXCEPTION_STATUSES } from './exception-list-query.dto.js';

export const MAX_EDITED_PAYLOAD_BYTES = 256 * 1024;
export const MAX_BULK_IDS = 500;

function MaxJsonBytes(limit: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxJsonBytes',
    validator: {
      validate: (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '') <= limit,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be at most ${limit} bytes of JSON`,
    },
  });
}

export class ResolveExceptionDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Corrected the tax ID with the customer' })
  @IsString()
  @Length(1, 1000)
  note!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'The edited payload (a JSON object of at most 256 KB). When given, it replaces the stored payload ' +
      'and the exception goes to `retrying`; the owning process app re-submits it (a later piece of the ' +
      'process layer; this API does not call process apps). Without it the exception is `resolved`.',
    example: {
      concordId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
      name: 'Contoso GmbH',
      taxId: 'DE136695976',
    },
  })
  @IsOptional()
  @IsObject()
  @MaxJsonBytes(MAX_EDITED_PAYLOAD_BYTES)
  payload?: Record<string, unknown>;
}

export class DiscardExceptionDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Test account, never meant for the ERP' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class RetryExceptionDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 1000, example: 'ERP outage is over' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

class BulkIdsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_BULK_IDS,
    example: ['9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class BulkResolveDto extends BulkIdsDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Fixed in the CRM by the account owner' })
  @IsString()
  @Length(1, 1000)
  note!: string;
}

export class BulkDiscardDto extends BulkIdsDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Duplicates of an account already onboarded' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class BulkRetryDto extends BulkIdsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 1000, example: 'ERP outage is over' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

/** The exception after a steward action. */
export class ExceptionActionResultDto {
  @ApiProperty({ format: 'uuid', example: '9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d' })
  id!: string;

  @ApiProperty({ enum: EXCEPTION_STATUSES, example: 'retrying' })
  status!: ExceptionStatus;

  @ApiProperty({ enum: EXCEPTION_STATUSES, example: 'open' })
  previousStatus!: ExceptionStatus;

  @ApiProperty({ example: '2026-11-23T10:05:00.000Z' })
  updatedAt!: string;
}

export class BulkItemErrorDto {
  @ApiProperty({ enum: ['NOT_FOUND', 'CONFLICT'], example: 'CONFLICT' })
  code!: 'NOT_FOUND' | 'CONFLICT';

  @ApiProperty({ example: 'Exception is discarded; only open or retrying exceptions can be resolved' })
  message!: string;
}

export class BulkItemResultDto {
  @ApiProperty({ format: 'uuid', example: '9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d' })
  id!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({
    enum: EXCEPTION_STATUSES,
    example: 'resolved',
    description: 'Status after the action',
  })
  status?: ExceptionStatus;

  @ApiPropertyOptional({ type: () => BulkItemErrorDto })
  error?: BulkItemErrorDto;
}

export class BulkResultDto {
  @ApiProperty({ type: [BulkItemResultDto], description: 'One result per id, in input order' })
  results!: BulkItemResultDto[];
}
