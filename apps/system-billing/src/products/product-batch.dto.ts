import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { ErrorDetailDto, ProductV1, UpsertOutcomeDto } from '@concord/contracts';

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
  })
  kind!: string;

  @ApiProperty({ example: 'stripe: Invalid currency: xyz.' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}

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
  @ApiProperty({ type: [ProductBatchResultDto], description: 'One result per item, in input order' })
  results!: ProductBatchResultDto[];
}
