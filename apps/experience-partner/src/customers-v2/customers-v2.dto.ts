import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { CustomerV2, CustomerValidationResultDto } from '@concord/contracts';
import { CustomerSummaryDto, PartnerCustomerDto } from '../customers/customers.dto.js';

export class CustomerSummaryV2Dto extends OmitType(CustomerSummaryDto, ['name'] as const) {
  @ApiProperty({ example: 'Contoso Deutschland GmbH' })
  legalName!: string;

  @ApiProperty({ example: 'Contoso' })
  displayName!: string;
}

export class CustomerPageV2Dto {
  @ApiProperty({ type: [CustomerSummaryV2Dto] })
  items!: CustomerSummaryV2Dto[];

  @ApiPropertyOptional({ description: 'Pass back as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class PartnerCustomerV2Dto extends OmitType(PartnerCustomerDto, ['profile'] as const) {
  @ApiProperty({ type: () => CustomerV2, description: 'The canonical customer, version 2' })
  profile!: CustomerV2;
}

/** A customer that passed canonical validation, normalized as Concord will store it, in version 2. */
export class CustomerValidationResultV2Dto extends OmitType(CustomerValidationResultDto, [
  'customer',
] as const) {
  @ApiProperty({ type: () => CustomerV2 })
  customer!: CustomerV2;
}
