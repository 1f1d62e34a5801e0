import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { type AdapterErrorKind, ErrorDetailDto, ProductV1, UpsertOutcomeDto } from '@concord/contracts';

/** `POST /v1/products/batch` body: 1 to 200 upserts, each keyed by its own SKU. */
export class ProductBatchRequestDto {
  @ApiProperty({ type: [ProductV1], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProductV1)
  items!: ProductV1[];
}

export class ProductBatchErrorDto {
  @ApiProperty({
    enum: ['Temporary', 'Throttled', 'AuthFailed', 'NotFound', 'Rejected', 'Conflict', 'Unknown'],
    example: 'Rejected',
  })
  kind!: AdapterErrorKind;

  @ApiProperty({ example: 'Unit Price must not be negative.' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}

export class ProductBatchResultDto {
  @ApiProperty({ example: 'CNC-SUP-GOLD' })
  sku!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: () => UpsertOutcomeDto, description: 'Present when ok' })
  outcome?: UpsertOutcomeDto;

  @ApiPropertyOptional({ type: () => ProductBatchErrorDto, description: 'Present when not ok' })
  error?: ProductBatchErrorDto;
}

/** One result per item, in input order; a failed item never fails the call. */
export class ProductBatchResponseDto {
  @ApiProperty({ type: [ProductBatchResultDto] })
  results!: ProductBatchResultDto[];
}
