import { Body, Controller, Headers, Param, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { CustomerUpdatedDto, CustomerUpdateDto, CustomerUpdateParamsDto } from './customer-update.dto.js';
import { UpdateCustomerUseCase } from './update-customer.usecase.js';

@ApiTags('customers')
@ApiBearerAuth('serviceToken')
@Controller('v1/customers')
export class CustomersController {
  constructor(private readonly updateCustomer: UpdateCustomerUseCase) {}

  @Patch(':concordId')
  @ServiceAuth()
  @ApiOperation({
    summary: 'Change a canonical customer on behalf of its system of record',
    description:
      'Applies the field-ownership matrix: a field not owned by `source` refuses the whole change with ' +
      '409 `OWNERSHIP_VIOLATION`, details `[{path, owner}]`. Accepted changes are pushed to the other systems.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–255 characters of A–Z a–z 0–9 . _ : -',
  })
  @ApiOkResponse({ type: CustomerUpdatedDto })
  @ApiErrorResponses(400, 401, 403, 404, 413, 422)
  @ApiConflictResponse({
    description: 'A field not owned by `source` (OWNERSHIP_VIOLATION), or an older source version (CONFLICT)',
    type: ErrorEnvelopeDto,
    example: {
      error: {
        code: 'OWNERSHIP_VIOLATION',
        message: 'taxId is owned by erp',
        details: [{ path: 'taxId', owner: 'erp', message: 'taxId is owned by erp' }],
        correlationId: '3f1c9a52-7d7e-4f0e-9a43-2b8d0c7d9a11',
      },
    },
  })
  async update(
    @Param() params: CustomerUpdateParamsDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() request: CustomerUpdateDto,
  ): Promise<CustomerUpdatedDto> {
    return (await this.updateCustomer.execute(params.concordId, key, request)).body;
  }
}
