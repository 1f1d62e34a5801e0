import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { CustomerV1, ErrorDetailDto, UpsertOutcomeDto } from '@concord/contracts';

export class CustomerBatchItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  concordId!: string;

  @ApiProperty({ type: () => CustomerV1 })
  @ValidateNested()
  @Type(() => CustomerV1)
  customer!: CustomerV1;
}

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
  })
  kind!: string;

  @ApiProperty({ example: 'stripe: Invalid email address' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}

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
  @ApiProperty({ type: [CustomerBatchResultDto], description: 'One result per item, in input order' })
  results!: CustomerBatchResultDto[];
}
