import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** A Salesforce record ID: 15 characters, or 18 with the case-safe suffix. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

export class RecordIdParamDto {
  @ApiProperty({ description: 'The CRM record ID (15 or 18 characters)', example: '006000000000001AAA' })
  @Matches(RECORD_ID_PATTERN, { message: '$property must be a CRM record ID of 15 or 18 letters and digits' })
  id!: string;
}
