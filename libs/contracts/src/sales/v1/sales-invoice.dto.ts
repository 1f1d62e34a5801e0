import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SalesDocumentRecordV1 } from './sales-order.dto.js';

export enum SalesInvoiceStatus {
  Draft = 'draft',
  InReview = 'in_review',
  Open = 'open',
  Paid = 'paid',
  Canceled = 'canceled',
  Corrective = 'corrective',
}

/** A sales invoice as the ERP holds it; `draft` until posted, then `open` until paid. */
export class SalesInvoiceRecordV1 extends SalesDocumentRecordV1 {
  @ApiProperty({ enum: SalesInvoiceStatus, enumName: 'SalesInvoiceStatus', example: SalesInvoiceStatus.Open })
  status!: SalesInvoiceStatus;

  @ApiProperty({ example: '2026-12-01' })
  invoiceDate!: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  dueDate?: string;

  @ApiPropertyOptional({ description: 'Number of the order this invoice came from', example: 'S-ORD101001' })
  orderNumber?: string;
}

/** The answer of a post: the invoice, and whether this call posted it (false: it already was). */
export class SalesInvoicePostOutcomeDto {
  @ApiProperty({ example: true })
  posted!: boolean;

  @ApiProperty({ type: () => SalesInvoiceRecordV1 })
  invoice!: SalesInvoiceRecordV1;
}

export class SalesInvoiceChangeDto {
  @ApiProperty({ enum: ['upsert', 'delete'], example: 'upsert' })
  kind!: 'upsert' | 'delete';

  @ApiProperty({ example: '3b8b2f2e-…:d4c3b2a1-…' })
  externalId!: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  sourceVersion!: string;

  @ApiPropertyOptional({ type: () => SalesInvoiceRecordV1, description: 'Absent for deletions' })
  record?: SalesInvoiceRecordV1;
}

export class SalesInvoiceChangePageDto {
  @ApiProperty({ type: [SalesInvoiceChangeDto] })
  changes!: SalesInvoiceChangeDto[];

  @ApiProperty({ example: 'eyJ2IjoyLCJtIjoiMjAyNi0xMi0wMVQxMDowMDowMC4wMDBaIn0' })
  nextCursor!: string;

  @ApiProperty({ example: false })
  hasMore!: boolean;
}

export class SalesInvoiceListDto {
  @ApiProperty({ type: [SalesInvoiceRecordV1] })
  invoices!: SalesInvoiceRecordV1[];
}
