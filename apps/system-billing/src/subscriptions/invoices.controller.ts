import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { FinalizeInvoiceUseCase } from './finalize-invoice.usecase.js';
import { InvoiceIdParams, InvoiceRecordDto } from './invoice.dto.js';
import { PayInvoiceUseCase } from './pay-invoice.usecase.js';

@ApiTags('invoices')
@ApiBearerAuth('serviceToken')
@Controller('v1/invoices')
export class InvoicesController {
  constructor(
    private readonly finalizeInvoice: FinalizeInvoiceUseCase,
    private readonly payInvoice: PayInvoiceUseCase,
  ) {}

  @Post(':invoiceId/finalize')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: InvoiceRecordDto, description: 'The invoice, finalized' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 503)
  finalize(@Param() params: InvoiceIdParams): Promise<InvoiceRecordDto> {
    return this.finalizeInvoice.execute(params.invoiceId);
  }

  @Post(':invoiceId/pay')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: InvoiceRecordDto, description: 'The invoice, paid' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 503)
  pay(@Param() params: InvoiceIdParams): Promise<InvoiceRecordDto> {
    return this.payInvoice.execute(params.invoiceId);
  }
}
