import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import {
  PartnerOnboardingSummaryPageDto,
  PartnerOnboardingsQueryDto,
  PartnerParamsDto,
} from './partner-onboarding.dto.js';
import { ListPartnerOnboardingsUseCase } from './list-partner-onboardings.usecase.js';

@ApiTags('onboardings')
@ApiBearerAuth('serviceToken')
@Controller('v1/partners/:partnerId/onboarding-summaries')
export class PartnerOnboardingSummariesController {
  constructor(private readonly listOnboardings: ListPartnerOnboardingsUseCase) {}

  @Get()
  @ServiceAuth()
  @ApiOperation({
    summary: "A partner's onboardings, summarised",
    description:
      'The pages of `GET /v1/partners/{partnerId}/onboardings` (same order, cursor and filters) with ' +
      "only what a list of customers shows: the customer's name, country and legal name, the state " +
      'and the times; no steps.',
  })
  @ApiOkResponse({ type: PartnerOnboardingSummaryPageDto })
  @ApiErrorResponses(400, 401, 403)
  list(
    @Param() params: PartnerParamsDto,
    @Query() query: PartnerOnboardingsQueryDto,
  ): Promise<PartnerOnboardingSummaryPageDto> {
    return this.listOnboardings.summaries(params.partnerId, query);
  }
}
