import { Injectable } from '@nestjs/common';
import { type CustomerBatchRequestDto, type CustomerBatchResponseDto } from '@concord/contracts';
import { CustomerXrefRepository } from './customer-xref.repository.js';
import { type CustomerWriteResult, ErpCustomers } from './erp-customers.port.js';
import { takenMessage } from './upsert-customer.usecase.js';

@Injectable()
export class UpsertCustomersBatchUseCase {
  constructor(
    private readonly customers: ErpCustomers,
    private readonly xref: CustomerXrefRepository,
  ) {}

  /** Writes through the ERP's bulk path, then links every written record to its canonical ID. */
  async execute(request: CustomerBatchRequestDto): Promise<CustomerBatchResponseDto> {
    const results = await this.customers.upsertMany(
      request.items.map((item) => ({ concordId: item.concordId, customer: item.customer })),
    );
    const taken = await this.xref.link(
      results.flatMap((result) =>
        result.ok ? [{ concordId: result.concordId, externalId: result.outcome.externalId }] : [],
      ),
    );
    return {
      results: results.map((result): CustomerWriteResult => {
        if (!result.ok || !taken.has(result.concordId)) return result;
        return {
          concordId: result.concordId,
          ok: false,
          error: {
            kind: 'Conflict',
            message: takenMessage(result.outcome.externalId),
            details: [
              { path: 'concordId', message: 'maps to an ERP customer linked to another canonical ID' },
            ],
          },
        };
      }),
    };
  }
}
