import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { CustomerV1 } from '@concord/contracts';
import { type AuthenticatedRequest, PartnerAuth } from '@concord/governance';
import { ApiErrorResponses, Deprecated } from '@concord/platform';
import { acceptedRegistration, ApiEtagRead, ApiRegistration } from '../common/customer-routes.util.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { partnerIdOf } from '../common/partner.util.js';
import {
  CustomerAcceptedDto,
  CustomerIdParamDto,
  CustomerListQueryDto,
  CustomerPageDto,
  PartnerCustomerDto,
} from './customers.dto.js';
import { GetCustomerUseCase } from './get-customer.usecase.js';
import { ListCustomersUseCase } from './list-customers.usecase.js';
import { RegisterCustomerUseCase } from './register-customer.usecase.js';
import { ApiQuotaResponses } from '../quotas/quota-docs.util.js';

const CONTOSO = {
  name: 'Contoso GmbH',
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  website: 'contoso.example.com',
};

@ApiTags('customers')
@ApiBearerAuth('apiKey')
@ApiQuotaResponses()
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly registerCustomer: RegisterCustomerUseCase,
    private readonly listCustomers: ListCustomersUseCase,
    private readonly getCustomer: GetCustomerUseCase,
  ) {}

  @Post()
  @PartnerAuth('customers:write')
  @Deprecated('customers-v1', '/v2/customers')
  @ApiOperation({
    summary: 'Register a customer',
    description:
      'Starts its onboarding into CRM, ERP and billing; follow it at `Location`. The same Idempotency-Key ' +
      'with the same body answers the same onboarding; with another body, 422.',
  })
  @ApiRegistration()
  @ApiBody({ type: CustomerV1, examples: { contoso: { summary: 'A German customer', value: CONTOSO } } })
  @ApiErrorResponses(400, 401, 403, 409, 413, 422, 503)
  async register(
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() customer: CustomerV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerAcceptedDto> {
    return acceptedRegistration(
      reply,
      await this.registerCustomer.execute(partnerIdOf(request), key, customer),
    );
  }

  @Get()
  @PartnerAuth('customers:read')
  @Deprecated('customers-v1', '/v2/customers')
  @ApiOperation({
    summary: "The partner's customers",
    description:
      'Newest registration first, with where each stands. Pass `nextCursor` back as `cursor` for the next ' +
      'page; it is absent on the last page.',
  })
  @ApiOkResponse({ type: CustomerPageDto })
  @ApiErrorResponses(400, 401, 403, 503)
  list(@Req() request: AuthenticatedRequest, @Query() query: CustomerListQueryDto): Promise<CustomerPageDto> {
    return this.listCustomers.execute(partnerIdOf(request), query);
  }

  @Get(':id')
  @PartnerAuth('customers:read')
  @Deprecated('customers-v1', '/v2/customers/:id')
  @UseInterceptors(EtagInterceptor)
  @ApiOperation({
    summary: 'One customer across CRM, ERP and billing',
    description: 'From its latest onboarding. 404 when the customer is not one of this partner.',
  })
  @ApiEtagRead(PartnerCustomerDto)
  @ApiErrorResponses(400, 401, 403, 404, 503)
  get(
    @Req() request: AuthenticatedRequest,
    @Param() params: CustomerIdParamDto,
  ): Promise<PartnerCustomerDto> {
    return this.getCustomer.execute(partnerIdOf(request), params.id);
  }
}
