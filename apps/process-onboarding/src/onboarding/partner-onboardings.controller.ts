import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import {
  PartnerOnboardingDto,
  PartnerOnboardingPageDto,
  PartnerOnboardingParamsDto,
  PartnerOnboardingsQueryDto,
  PartnerParamsDto,
} from './partner-onboarding.dto.js';
import { GetPartnerOnboardingUseCase } from './get-partner-onboarding.usecase.js';
import { ListPartnerOnboardingsUseCase } from './list-partner-onboardings.usecase.js';

@ApiTags('onboardings')
@ApiBearerAuth('serviceToken')
@Controller('v1/partners/:partnerId/onboardings')
export class PartnerOnboardingsController {
  constructor(
    private readonly listOnboardings: ListPartnerOnboardingsUseCase,
    private readonly getOnboarding: GetPartnerOnboardingUseCase,
  ) {}

  @Get()
  @ServiceAuth()
  @ApiOperation({
    summary: "A partner's onboardings",
    description:
      'Newest first (created_at, then id, descending). Pass `nextCursor` back as `cursor` for the next ' +
      'page; it is absent on the last page. `concordId` narrows to one customer (its latest first).',
  })
  @ApiOkResponse({ type: PartnerOnboardingPageDto })
  @ApiErrorResponses(400, 401, 403)
  list(
    @Param() params: PartnerParamsDto,
    @Query() query: PartnerOnboardingsQueryDto,
  ): Promise<PartnerOnboardingPageDto> {
    return this.listOnboardings.execute(params.partnerId, query);
  }

  @Get(':id')
  @ServiceAuth()
  @ApiOperation({
    summary: 'One onboarding of a partner',
    description: '404 when the onboarding does not exist or was started by another partner.',
  })
  @ApiOkResponse({ type: PartnerOnboardingDto })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@Param() params: PartnerOnboardingParamsDto): Promise<PartnerOnboardingDto> {
    return this.getOnboarding.execute(params.partnerId, params.id);
  }
}
