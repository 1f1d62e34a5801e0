import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CustomerV1, CustomerValidationResultDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { ValidateCustomerUseCase } from './validate-customer.usecase.js';

@ApiTags('customers')
@ApiBearerAuth('serviceToken')
@Controller('v1/customers')
export class CustomerValidationController {
  constructor(private readonly validateCustomer: ValidateCustomerUseCase) {}

  /** Validates and normalizes a canonical customer without storing anything. */
  @Post('validate')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerValidationResultDto })
  @ApiErrorResponses(400, 401, 403, 413)
  validate(@Body() customer: CustomerV1): CustomerValidationResultDto {
    return this.validateCustomer.execute(customer);
  }
}
