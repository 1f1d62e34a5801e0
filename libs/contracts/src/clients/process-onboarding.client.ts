import { type CustomerV1 } from '../customer/v1/customer.dto.js';
import { type CustomerValidationResultDto } from '../customer/v1/customer-validation-result.dto.js';
import { type LayerTransport } from './layer-transport.js';

/** The onboarding process API as the experience layer calls it. */
export class ProcessOnboardingClient {
  constructor(private readonly transport: LayerTransport) {}

  async validateCustomer(customer: CustomerV1): Promise<CustomerValidationResultDto> {
    const response = await this.transport.request<CustomerValidationResultDto>({
      method: 'POST',
      path: '/v1/customers/validate',
      body: customer,
      operation: 'customers.validate',
      idempotent: true,
    });
    return response.body;
  }
}
