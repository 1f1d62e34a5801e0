import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { SALES_REFERENCE_PATTERN } from '@concord/contracts';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const SALES_DOCUMENT_ID = new RegExp(`^${GUID}:${GUID}$`);

export class SalesInvoiceIdParamsDto {
  @ApiProperty({ description: '`<companyId>:<invoiceId>`', pattern: SALES_DOCUMENT_ID.source })
  @Matches(SALES_DOCUMENT_ID, { message: '$property must be <companyId>:<invoiceId>, two GUIDs' })
  externalId!: string;
}

export class SalesInvoiceListQueryDto {
  @ApiProperty({
    description: 'The external document number (the order reference)',
    example: 'ACT-5b0c7c1e8a57',
  })
  @Matches(SALES_REFERENCE_PATTERN, { message: '$property must be 1-35 characters of A-Z a-z 0-9 . _ : -' })
  reference!: string;
}
