import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { SALES_REFERENCE_PATTERN } from '@concord/contracts';

export class SalesOrderReferenceParamsDto {
  @ApiProperty({ pattern: SALES_REFERENCE_PATTERN.source, example: 'ACT-5b0c7c1e8a57' })
  @Matches(SALES_REFERENCE_PATTERN, { message: '$property must be 1-35 characters of A-Z a-z 0-9 . _ : -' })
  reference!: string;
}
