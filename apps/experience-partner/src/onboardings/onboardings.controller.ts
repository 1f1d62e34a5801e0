import { Controller, Get, Param, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedRequest, PartnerAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { partnerIdOf } from '../common/partner.util.js';
import { GetOnboardingStatusUseCase } from './get-onboarding-status.usecase.js';
import { OnboardingIdParamDto, OnboardingStatusDto } from './onboarding-status.dto.js';
import { ApiQuotaResponses } from '../quotas/quota-docs.util.js';

@ApiTags('onboardings')
@ApiBearerAuth('apiKey')
@ApiQuotaResponses()
@Controller('v1/onboardings')
export class OnboardingsController {
  constructor(private readonly getOnboardingStatus: GetOnboardingStatusUseCase) {}

  @Get(':id')
  @PartnerAuth('customers:read')
  @UseInterceptors(EtagInterceptor)
  @ApiOperation({
    summary: 'Where an onboarding stands',
    description:
      'Poll the `Location` of a registration until `state` is `synced`, `rejected` or `failed`; send the ' +
      'ETag back as `If-None-Match` to get a 304 while nothing changed. 404 for another partner’s onboarding.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag of an earlier answer' })
  @ApiOkResponse({
    type: OnboardingStatusDto,
    headers: { ETag: { description: 'Hash of the body', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(400, 401, 403, 404, 503)
  get(
    @Req() request: AuthenticatedRequest,
    @Param() params: OnboardingIdParamDto,
  ): Promise<OnboardingStatusDto> {
    return this.getOnboardingStatus.execute(partnerIdOf(request), params.id);
  }
}
