import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { ProductRecordV1, ProductV1, UpsertOutcomeDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { DeactivateProductUseCase } from './deactivate-product.usecase.js';
import { GetProductUseCase } from './get-product.usecase.js';
import { ProductBatchRequestDto, ProductBatchResponseDto } from '@concord/contracts';
import { SkuParams } from './product-request.dto.js';
import { UpsertProductBatchUseCase } from './upsert-product-batch.usecase.js';
import { UpsertProductUseCase } from './upsert-product.usecase.js';

@ApiTags('products')
@ApiBearerAuth('serviceToken')
@Controller('v1/products')
export class ProductsController {
  constructor(
    private readonly getProduct: GetProductUseCase,
    private readonly upsertProduct: UpsertProductUseCase,
    private readonly upsertBatch: UpsertProductBatchUseCase,
    private readonly deactivateProduct: DeactivateProductUseCase,
  ) {}

  @Post('batch')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: ProductBatchResponseDto })
  @ApiErrorResponses(400, 401, 403)
  batch(@Body() body: ProductBatchRequestDto): Promise<ProductBatchResponseDto> {
    return this.upsertBatch.execute(body.items);
  }

  @Get(':sku')
  @ServiceAuth()
  @ApiOkResponse({ type: ProductRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  get(@Param() params: SkuParams): Promise<ProductRecordV1> {
    return this.getProduct.execute(params.sku);
  }

  @Put(':sku')
  @ServiceAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: UpsertOutcomeDto, description: 'The billing product was created' })
  @ApiOkResponse({ type: UpsertOutcomeDto, description: 'The billing product was updated' })
  @ApiErrorResponses(400, 401, 403, 409, 422, 429, 503)
  async put(
    @Param() params: SkuParams,
    @Body() product: ProductV1,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpsertOutcomeDto> {
    const result = await this.upsertProduct.execute(params.sku, product, key);
    void reply.status(result.status);
    return result.body;
  }

  @Post(':sku/deactivate')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: ProductRecordV1, description: 'The product is no longer sellable in billing' })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  deactivate(@Param() params: SkuParams): Promise<ProductRecordV1> {
    return this.deactivateProduct.execute(params.sku);
  }
}
