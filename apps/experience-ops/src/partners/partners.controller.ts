import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedRequest, OperatorAuth, PartnerAdminService } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { adminActorOf } from './admin-actor.util.js';
import { CreatePartnerUseCase } from './create-partner.usecase.js';
import { ListPartnersUseCase } from './list-partners.usecase.js';
import {
  CreatePartnerDto,
  PartnerDto,
  PartnerIdParamDto,
  PartnerLimitsDto,
  PartnerListQueryDto,
  PartnerPageDto,
} from './partners.dto.js';

export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: '8–255 characters of A–Z a–z 0–9 . _ : -',
};

@ApiTags('partners')
@ApiBearerAuth('apiKey')
@Controller('v1/partners')
export class PartnersController {
  constructor(
    private readonly createPartner: CreatePartnerUseCase,
    private readonly listPartners: ListPartnersUseCase,
    private readonly admin: PartnerAdminService,
  ) {}

  @Post()
  @OperatorAuth('admin')
  @ApiOperation({
    summary: 'Create a partner',
    description: 'Without keys; issue them with `POST /v1/partners/{id}/keys`. Audited.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({
    type: CreatePartnerDto,
    examples: {
      defaults: { summary: 'Default limits', value: { name: 'Acme Portal' } },
      limited: {
        summary: 'Own limits',
        value: { name: 'Fabrikam Shop', rateLimit: { points: 20, windowSeconds: 1 }, dailyQuota: 10000 },
      },
    },
  })
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiErrorResponses(400, 401, 403, 409, 422)
  create(
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: CreatePartnerDto,
  ): Promise<PartnerDto> {
    return this.createPartner.execute(adminActorOf(request), key, body);
  }

  @Get()
  @OperatorAuth('admin')
  @ApiOperation({
    summary: 'List partners',
    description: 'Newest first; pass `nextCursor` back as `cursor`.',
  })
  @ApiOkResponse({ type: PartnerPageDto })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: PartnerListQueryDto): Promise<PartnerPageDto> {
    return this.listPartners.execute(query);
  }

  @Get(':id')
  @OperatorAuth('admin')
  @ApiOperation({ summary: 'One partner' })
  @ApiOkResponse({ type: PartnerDto })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@Param() params: PartnerIdParamDto): Promise<PartnerDto> {
    return this.admin.getPartner(params.id);
  }

  @Patch(':id')
  @OperatorAuth('admin')
  @ApiOperation({
    summary: "Change a partner's rate limit or daily quota",
    description: 'Absent fields stay; `null` returns to the default. Applies within seconds. Audited.',
  })
  @ApiBody({
    type: PartnerLimitsDto,
    examples: { tighter: { value: { rateLimit: { points: 5, windowSeconds: 1 } } } },
  })
  @ApiOkResponse({ type: PartnerDto })
  @ApiErrorResponses(400, 401, 403, 404)
  updateLimits(
    @Req() request: AuthenticatedRequest,
    @Param() params: PartnerIdParamDto,
    @Body() body: PartnerLimitsDto,
  ): Promise<PartnerDto> {
    return this.admin.updateLimits(params.id, body, adminActorOf(request));
  }
}
