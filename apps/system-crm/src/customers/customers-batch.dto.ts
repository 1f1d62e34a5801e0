import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { type AdapterErrorKind, CustomerV1, ErrorDetailDto, UpsertOutcomeDto } from '@concord/contracts';

export const MAX_BATCH_ITEMS = 200;

export class CustomerBatchItemDto {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsUUID()
  concordId!: string;

  @ApiProperty({ type: () => CustomerV1 })
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerV1)
  customer!: CustomerV1;
}

/** Up to 200 customers written in one vendor batch. */
export class CustomerBatchRequestDto {
  @ApiProperty({ type: [CustomerBatchItemDto], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CustomerBatchItemDto)
  items!: CustomerBatchItemDto[];
}

const KINDS: AdapterErrorKind[] = [
  'Temporary',
  'Throttled',
  'AuthFailed',
  'NotFound',
  'Rejected',
  'Conflict',
  'Unknown',
];

export class CustomerBatchErrorDto {
  @ApiProperty({ enum: KINDS, example: 'Rejected' })
  kind!: AdapterErrorKind;

  @ApiProperty({ example: 'Tax ID: data value too large' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}

/** One item's result, in input order: the outcome when `ok`, the vendor's verdict otherwise. */
export class CustomerBatchResultDto {
  @ApiProperty({ format: 'uuid' })
  concordId!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: () => UpsertOutcomeDto })
  outcome?: UpsertOutcomeDto;

  @ApiPropertyOptional({ type: () => CustomerBatchErrorDto })
  error?: CustomerBatchErrorDto;
}

export class CustomerBatchResponseDto {
  @ApiProperty({ type: [CustomerBatchResultDto] })
  results!: CustomerBatchResultDto[];
}
