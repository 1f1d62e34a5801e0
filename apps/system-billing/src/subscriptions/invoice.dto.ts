import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export class InvoiceIdParams {
  @ApiProperty({ example: 'in_1MtHbELkdIwHu7ixl4OzzPMv', pattern: '^in_[A-Za-z0-9]{1,100}$' })
  @Matches(/^in_[A-Za-z0-9]{1,100}$/, { message: '$property must be a billing invoice ID (in_…)' })
  invoiceId!: string;
}

export class InvoiceRecordDto {
  @ApiProperty({ example: 'in_1MtHbELkdIwHu7ixl4OzzPMv' })
  externalId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'CONCORD-0001', description: 'null while draft' })
  number!: string | null;

  @ApiProperty({ enum: INVOICE_STATUSES, example: 'open' })
  status!: InvoiceStatus;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  currency!: string;

  @ApiProperty({ example: 14700, description: 'In ISO 4217 minor units of the currency' })
  amountDueMinor!: number;

  @ApiProperty({ example: 0, description: 'In ISO 4217 minor units of the currency' })
  amountPaidMinor!: number;

  @ApiPropertyOptional({ example: 'https://invoice.stripe.com/i/acct_1/test_YWNjd' })
  hostedInvoiceUrl?: string;

  @ApiProperty({ format: 'date-time', example: '2026-07-01T09:30:00.000Z' })
  created!: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-07-31T09:30:00.000Z' })
  dueDate?: string;
}

export class InvoiceListDto {
  @ApiProperty({ type: [InvoiceRecordDto], description: 'Newest first' })
  invoices!: InvoiceRecordDto[];
}
