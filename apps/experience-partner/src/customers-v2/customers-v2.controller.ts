import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { CustomerV2, customerV1ToV2, customerV2ToV1, ProcessOnboardingClient } from '@concord/contracts';
import { type AuthenticatedRequest, PartnerAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { acceptedRegistration, ApiEtagRead, ApiRegistration } from '../common/customer-routes.util.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { partnerIdOf } from '../common/partner.util.js';
import { CustomerAcceptedDto, CustomerIdParamDto, CustomerListQueryDto } from '../customers/customers.dto.js';
import { GetCustomerUseCase } from '../customers/get-customer.usecase.js';
import { ListCustomersUseCase } from '../customers/list-customers.usecase.js';
import { RegisterCustomerUseCase } from '../customers/register-customer.usecase.js';
import { toCustomerSummaryV2, toPartnerCustomerV2 } from './customer-v2-view.mapper.js';
import {
  CustomerPageV2Dto,
  CustomerValidationResultV2Dto,
  PartnerCustomerV2Dto,
} from './customers-v2.dto.js';

const CONTOSO: CustomerV2 = {
  legalName: 'Contoso Deutschland GmbH',
  displayName: 'Contoso',
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  website: 'contoso.example.com',
};
/** Version 2 of the customer resource, over the same stored customers as version 1. */
@ApiTags('customers')
@ApiBearerAuth('apiKey')
@Controller('v2/customers')
export class CustomersV2Controller {
  constructor(
    private readonly registerCustomer: RegisterCustomerUseCase,
    private readonly listCustomers: ListCustomersUseCase,
    private readonly getCustomer: GetCustomerUseCase,
    private readonly onboarding: ProcessOnboardingClient,
  ) {}

  @Post('validate')
  @HttpCode(200)
  @PartnerAuth('customers:write')
  @ApiOperation({
    summary: 'Check a customer before registering it (version 2)',
    description: "Against Concord's canonical rules; answers the normalized customer. Stores nothing.",
  })
  @ApiBody({ type: CustomerV2, examples: { contoso: { summary: 'A German customer', value: CONTOSO } } })
  @ApiOkResponse({ type: CustomerValidationResultV2Dto })
  @ApiErrorResponses(400, 401, 403, 413, 503)
  async validate(@Body() customer: CustomerV2): Promise<CustomerValidationResultV2Dto> {
    const result = await this.onboarding.validateCustomer(customerV2ToV1(customer));
    return { ...result, customer: customerV1ToV2(result.customer) };
  }

  @Post()
  @PartnerAuth('customers:write')
  @ApiOperation({
    summary: 'Register a customer (version 2)',
    description:
      'As version 1, with the legal and the display name apart. Starts the onboarding; follow it at ' +
      '`Location`. The same Idempotency-Key with the same customer answers the same onboarding, whichever ' +
      'version sent it; with another customer, 422.',
  })
  @ApiRegistration()
  @ApiBody({ type: CustomerV2, examples: { contoso: { summary: 'A German customer', value: CONTOSO } } })
  @ApiErrorResponses(400, 401, 403, 409, 413, 422, 503)
  async register(
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() customer: CustomerV2,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerAcceptedDto> {
    const result = await this.registerCustomer.execute(partnerIdOf(request), key, customerV2ToV1(customer));
    return acceptedRegistration(reply, result);
  }

  @Get()
  @PartnerAuth('customers:read')
  @ApiOperation({
    summary: "The partner's customers (version 2)",
    description: 'Newest registration first. Pass `nextCursor` back as `cursor`; absent on the last page.',
  })
  @ApiOkResponse({ type: CustomerPageV2Dto })
  @ApiErrorResponses(400, 401, 403, 503)
  async list(
    @Req() request: AuthenticatedRequest,
    @Query() query: CustomerListQueryDto,
  ): Promise<CustomerPageV2Dto> {
    const page = await this.listCustomers.page(partnerIdOf(request), query);
    return {
      items: page.items.map(toCustomerSummaryV2),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @Get(':id')
  @PartnerAuth('customers:read')
  @UseInterceptors(EtagInterceptor)
  @ApiOperation({
    summary: 'One customer across CRM, ERP and billing (version 2)',
    description: 'From its latest onboarding. 404 when the customer is not one of this partner.',
  })
  @ApiEtagRead(PartnerCustomerV2Dto)
  @ApiErrorResponses(400, 401, 403, 404, 503)
  async get(
    @Req() request: AuthenticatedRequest,
    @Param() params: CustomerIdParamDto,
  ): Promise<PartnerCustomerV2Dto> {
    return toPartnerCustomerV2(await this.getCustomer.execute(partnerIdOf(request), params.id));
  }
}
