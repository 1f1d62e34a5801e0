import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  SalesInvoiceChangePageDto,
  SalesInvoiceListDto,
  SalesInvoicePostOutcomeDto,
  SalesInvoiceRecordV1,
} from '@concord/contracts';
import { ServiceRead } from '@concord/platform';
import { ChangesQueryDto, DEFAULT_CHANGES_LIMIT } from '@concord/contracts';
import { SalesInvoiceIdParamsDto, SalesInvoiceListQueryDto } from './sales-invoice-request.dto.js';
import { SalesInvoicesUseCase } from './sales-invoices.usecase.js';

@ApiTags('sales-invoices')
@ApiBearerAuth('serviceToken')
@Controller('v1/sales-invoices')
export class SalesInvoicesController {
  constructor(private readonly invoices: SalesInvoicesUseCase) {}

  /** Invoices whose external document number is the reference, in every company. */
  @Get()
  @ServiceRead(SalesInvoiceListDto)
  list(@Query() query: SalesInvoiceListQueryDto): Promise<SalesInvoiceListDto> {
    return this.invoices.list(query.reference);
  }

  /** ERP sales invoice changes after the cursor (drafts, postings, payments), deletions included. */
  @Get('changes')
  @ServiceRead(SalesInvoiceChangePageDto)
  changes(@Query() query: ChangesQueryDto): Promise<SalesInvoiceChangePageDto> {
    return this.invoices.changes(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  @Get(':externalId')
  @ServiceRead(SalesInvoiceRecordV1, 404)
  get(@Param() params: SalesInvoiceIdParamsDto): Promise<SalesInvoiceRecordV1> {
    return this.invoices.get(params.externalId);
  }

  /** Posts a draft invoice (Business Central `Microsoft.NAV.post`); an invoice already posted is answered as it is. */
  @Post(':externalId/post')
  @HttpCode(200)
  @ServiceRead(SalesInvoicePostOutcomeDto, 404, 422)
  post(@Param() params: SalesInvoiceIdParamsDto): Promise<SalesInvoicePostOutcomeDto> {
    return this.invoices.post(params.externalId);
  }
}
