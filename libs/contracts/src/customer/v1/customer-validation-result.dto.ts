import { ApiProperty } from '@nestjs/swagger';
import { CustomerV1 } from './customer.dto.js';

/** A customer that passed canonical validation, in the normalized form Concord will store. */
export class CustomerValidationResultDto {
  @ApiProperty({ example: true })
  valid!: true;

  @ApiProperty({ type: () => CustomerV1 })
  customer!: CustomerV1;

  @ApiProperty({ type: [String], example: ['currency EUR is unusual for country US'] })
  warnings!: string[];
}
