import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { type AdapterErrorKind, ErrorDetailDto, ProductV1, UpsertOutcomeDto } from '@concord/contracts';

export const MAX_BATCH_ITEMS = 200;

/** Up to 200 products written in one vendor batch. */
export class ProductBatchRequestDto {
  @ApiProperty({ type: [ProductV1], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ProductV1)
  items!: ProductV1[];
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

export class ProductBatchErrorDto {
  @ApiProperty({ enum: KINDS, example: 'Rejected' })
  kind!: AdapterErrorKind;

  @ApiProperty({ example: 'ERP Item Number: data value too large' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}

/** One item's result, in input order: the outcome when `ok`, the vendor's verdict otherwise. */
export class ProductBatchResultDto {
  @ApiProperty({ example: 'CNC-SUP-GOLD' })
  sku!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: () => UpsertOutcomeDto })
  outcome?: UpsertOutcomeDto;

  @ApiPropertyOptional({ type: () => ProductBatchErrorDto })
  error?: ProductBatchErrorDto;
}

export class ProductBatchResponseDto {
  @ApiProperty({ type: [ProductBatchResultDto] })
  results!: ProductBatchResultDto[];
}
