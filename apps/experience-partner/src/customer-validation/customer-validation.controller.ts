import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CustomerV1, CustomerValidationResultDto, ProcessOnboardingClient } from '@concord/contracts';
import { PartnerAuth } from '@concord/governance';
import { ApiErrorResponses, Deprecated, DownstreamClients } from '@concord/platform';
import { ApiQuotaResponses } from '../quotas/quota-docs.util.js';

@ApiTags('customers')
@ApiBearerAuth('apiKey')
@ApiQuotaResponses()
@Controller('v1/customers')
export class CustomerValidationController {
  private readonly onboarding: ProcessOnboardingClient;

  constructor(downstream: DownstreamClients) {
    this.onboarding = new ProcessOnboardingClient(downstream.get('process-onboarding'));
  }

  /** Checks a customer against Concord's canonical rules before registering it; stores nothing. */
  @Post('validate')
  @HttpCode(200)
  @PartnerAuth('customers:write')
  @Deprecated('customers-v1', '/v2/customers/validate')
  @ApiOkResponse({ type: CustomerValidationResultDto })
  @ApiErrorResponses(400, 401, 403, 413, 503)
  validate(@Body() customer: CustomerV1): Promise<CustomerValidationResultDto> {
    return this.onboarding.validateCustomer(customer);
  }
}
