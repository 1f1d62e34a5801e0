import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { ProductChangePageDto, ProductRecordV1, ProductV1, UpsertOutcomeDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses, ServiceRead } from '@concord/platform';
import { DeactivateProductUseCase } from './deactivate-product.usecase.js';
import { GetProductUseCase } from './get-product.usecase.js';
import { ListProductChangesUseCase } from './list-product-changes.usecase.js';
import { DEFAULT_CHANGES_LIMIT, ProductChangesQueryDto, SkuParamDto } from './product-params.dto.js';
import { ProductBatchRequestDto, ProductBatchResponseDto } from '@concord/contracts';
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
    private readonly listChanges: ListProductChangesUseCase,
  ) {}

  /** CRM product changes in (modstamp, id) order, deletions included; pass `nextCursor` back. */
  @Get('changes')
  @ServiceRead(ProductChangePageDto)
  changes(@Query() query: ProductChangesQueryDto): Promise<ProductChangePageDto> {
    return this.listChanges.execute(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  /** Upserts 1–200 products in one Salesforce batch; each item reports its own outcome. */
  @Post('batch')
  @HttpCode(200)
  @ServiceRead(ProductBatchResponseDto, 413)
  batch(@Body() request: ProductBatchRequestDto): Promise<ProductBatchResponseDto> {
    return this.upsertBatch.execute(request);
  }

  @Get(':sku')
  @ServiceRead(ProductRecordV1, 404)
  get(@Param() params: SkuParamDto): Promise<ProductRecordV1> {
    return this.getProduct.execute(params.sku);
  }

  /** Creates (201) or updates (200) the product of this SKU and its list price; Idempotency-Key required. */
  @Put(':sku')
  @ServiceAuth()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–255 characters of A–Z a–z 0–9 . _ : -',
  })
  @ApiCreatedResponse({ type: UpsertOutcomeDto, description: 'Product created' })
  @ApiOkResponse({ type: UpsertOutcomeDto, description: 'Product updated' })
  @ApiErrorResponses(400, 401, 403, 409, 413, 422, 429, 503)
  async put(
    @Param() params: SkuParamDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() product: ProductV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpsertOutcomeDto> {
    const result = await this.upsertProduct.execute(params.sku, key, product);
    void reply.status(result.status);
    return result.body;
  }

  /** Stops the product being sellable: it and its price book entries become inactive. */
  @Post(':sku/deactivate')
  @HttpCode(200)
  @ServiceRead(ProductRecordV1, 404, 422)
  deactivate(@Param() params: SkuParamDto): Promise<ProductRecordV1> {
    return this.deactivateProduct.execute(params.sku);
  }
}
