import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { CustomerV1 } from '../v1/customer.dto.js';

const NOT_BLANK = /\S/;

/**
 * Canonical customer, version 2. Version 1 had one `name` that meant the registered legal entity to
 * the ERP and the trading name to the CRM; version 2 names both, and both are required. Every other
 * field keeps its version 1 meaning and rules.
 */
export class CustomerV2 extends OmitType(CustomerV1, ['name', 'legalName'] as const) {
  @ApiProperty({
    minLength: 1,
    maxLength: 160,
    description: 'The registered legal entity, as on invoices and in the ERP',
    example: 'Contoso Deutschland GmbH',
  })
  @IsString()
  @Length(1, 160)
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  legalName!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 160,
    description: 'The name people know the customer by, as shown in the CRM',
    example: 'Contoso',
  })
  @IsString()
  @Length(1, 160)
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  displayName!: string;
}
