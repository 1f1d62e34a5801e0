import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  SalesInvoiceChangePageDto,
  SalesInvoiceListDto,
  SalesInvoicePostOutcomeDto,
  SalesInvoiceRecordV1,
} from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
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
  @ServiceAuth()
  @ApiOkResponse({ type: SalesInvoiceListDto })
  @ApiErrorResponses(400, 401, 403, 429, 503)
  list(@Query() query: SalesInvoiceListQueryDto): Promise<SalesInvoiceListDto> {
    return this.invoices.list(query.reference);
  }

  /** ERP sales invoice changes after the cursor (drafts, postings, payments), deletions included. */
  @Get('changes')
  @ServiceAuth()
  @ApiOkResponse({ type: SalesInvoiceChangePageDto })
  @ApiErrorResponses(400, 401, 403, 429, 503)
  changes(@Query() query: ChangesQueryDto): Promise<SalesInvoiceChangePageDto> {
    return this.invoices.changes(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  @Get(':externalId')
  @ServiceAuth()
  @ApiOkResponse({ type: SalesInvoiceRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  get(@Param() params: SalesInvoiceIdParamsDto): Promise<SalesInvoiceRecordV1> {
    return this.invoices.get(params.externalId);
  }

  /** Posts a draft invoice (Business Central `Microsoft.NAV.post`); an invoice already posted is answered as it is. */
  @Post(':externalId/post')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: SalesInvoicePostOutcomeDto })
  @ApiErrorResponses(400, 401, 403, 404, 422, 429, 503)
  post(@Param() params: SalesInvoiceIdParamsDto): Promise<SalesInvoicePostOutcomeDto> {
    return this.invoices.post(params.externalId);
  }
}
