import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { type AdapterErrorKind, CustomerV1, ErrorDetailDto, UpsertOutcomeDto } from '@concord/contracts';

export class CustomerBatchItemDto {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsUUID()
  concordId!: string;

  @ApiProperty({ type: () => CustomerV1 })
  @ValidateNested()
  @Type(() => CustomerV1)
  customer!: CustomerV1;
}

/** `POST /v1/customers/batch` body: 1 to 200 upserts. */
export class CustomerBatchRequestDto {
  @ApiProperty({ type: [CustomerBatchItemDto], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CustomerBatchItemDto)
  items!: CustomerBatchItemDto[];
}

export class CustomerBatchErrorDto {
  @ApiProperty({
    enum: ['Temporary', 'Throttled', 'AuthFailed', 'NotFound', 'Rejected', 'Conflict', 'Unknown'],
    example: 'Rejected',
  })
  kind!: AdapterErrorKind;

  @ApiProperty({ example: 'The field Country/Region Code of table Customer contains a value (XX) …' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}

export class CustomerBatchResultDto {
  @ApiProperty({ format: 'uuid' })
  concordId!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: () => UpsertOutcomeDto, description: 'Present when ok' })
  outcome?: UpsertOutcomeDto;

  @ApiPropertyOptional({ type: () => CustomerBatchErrorDto, description: 'Present when not ok' })
  error?: CustomerBatchErrorDto;
}

/** One result per item, in input order; a failed item never fails the call. */
export class CustomerBatchResponseDto {
  @ApiProperty({ type: [CustomerBatchResultDto] })
  results!: CustomerBatchResultDto[];
}
