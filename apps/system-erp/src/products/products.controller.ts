import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { ProductChangePageDto, ProductRecordV1, ProductV1, UpsertOutcomeDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses, ServiceRead } from '@concord/platform';
import { DeactivateProductUseCase } from './deactivate-product.usecase.js';
import { GetProductUseCase } from './get-product.usecase.js';
import { ProductBatchRequestDto, ProductBatchResponseDto } from '@concord/contracts';
import { ProductChangesQueryDto, SkuParamsDto } from './product-request.dto.js';
import { ReadProductChangesUseCase } from './read-product-changes.usecase.js';
import { UpsertProductUseCase } from './upsert-product.usecase.js';
import { UpsertProductsBatchUseCase } from './upsert-products-batch.usecase.js';

@ApiTags('products')
@ApiBearerAuth('serviceToken')
@Controller('v1/products')
export class ProductsController {
  constructor(
    private readonly getProduct: GetProductUseCase,
    private readonly upsertProduct: UpsertProductUseCase,
    private readonly upsertBatch: UpsertProductsBatchUseCase,
    private readonly deactivateProduct: DeactivateProductUseCase,
    private readonly readChanges: ReadProductChangesUseCase,
  ) {}

  /** ERP item changes after the cursor, deletions included. */
  @Get('changes')
  @ServiceRead(ProductChangePageDto)
  changes(@Query() query: ProductChangesQueryDto): Promise<ProductChangePageDto> {
    return this.readChanges.execute(query.cursor, query.limit);
  }

  /** Up to 200 item upserts; per-item results in input order. */
  @Post('batch')
  @HttpCode(200)
  @ServiceRead(ProductBatchResponseDto)
  batch(@Body() body: ProductBatchRequestDto): Promise<ProductBatchResponseDto> {
    return this.upsertBatch.execute(body);
  }

  @Get(':sku')
  @ServiceRead(ProductRecordV1, 404)
  get(@Param() params: SkuParamsDto): Promise<ProductRecordV1> {
    return this.getProduct.execute(params.sku);
  }

  /** Creates (201) or replaces (200) the ERP item with this SKU as its number. */
  @Put(':sku')
  @ServiceAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: UpsertOutcomeDto })
  @ApiOkResponse({ type: UpsertOutcomeDto })
  @ApiErrorResponses(400, 401, 403, 409, 422, 429, 503)
  async put(
    @Param() params: SkuParamsDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: ProductV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpsertOutcomeDto> {
    const result = await this.upsertProduct.execute(params.sku, key, body);
    void reply.status(result.status);
    return result.body;
  }

  /** Blocks the ERP item so it can no longer be sold; idempotent. */
  @Post(':sku/deactivate')
  @HttpCode(200)
  @ServiceRead(ProductRecordV1, 404, 409)
  deactivate(@Param() params: SkuParamsDto): Promise<ProductRecordV1> {
    return this.deactivateProduct.execute(params.sku);
  }
}
