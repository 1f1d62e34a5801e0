import { Injectable } from '@nestjs/common';
import { CrmCustomers } from './crm-customers.port.js';
import { type CustomerBatchRequestDto, type CustomerBatchResponseDto } from '@concord/contracts';

@Injectable()
export class UpsertCustomersBatchUseCase {
  constructor(private readonly crm: CrmCustomers) {}

  /** One vendor batch; an item's failure is reported in its slot and never fails the others. */
  async execute(request: CustomerBatchRequestDto): Promise<CustomerBatchResponseDto> {
    const results = await this.crm.upsertMany(request.items);
    return {
      results: results.map((result) =>
        result.ok
          ? result
          : {
              concordId: result.concordId,
              ok: false,
              error: {
                kind: result.error.kind,
                message: result.error.message,
                details: result.error.details,
              },
            },
      ),
    };
  }
}
