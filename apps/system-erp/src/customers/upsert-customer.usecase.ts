import { Injectable } from '@nestjs/common';
import { type CustomerV1, ErrorCode, type UpsertOutcomeDto } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { IdempotentWrite } from '@concord/platform';
import { CustomerXrefRepository } from './customer-xref.repository.js';
import { ErpCustomers } from './erp-customers.port.js';

export const CUSTOMERS_SCOPE = 'system-erp:customers';

/** What a write answers when the ERP record it reached is already another canonical customer's. */
export const takenMessage = (externalId: string): string =>
  `ERP customer ${externalId} already belongs to another canonical customer`;

@Injectable()
export class UpsertCustomerUseCase {
  constructor(
    private readonly customers: ErpCustomers,
    private readonly xref: CustomerXrefRepository,
    private readonly idempotent: IdempotentWrite,
  ) {}

  /** 201 when the ERP record was created, 200 when it was replaced; a repeated key gets the first answer. */
  async execute(
    concordId: string,
    idempotencyKey: string | undefined,
    customer: CustomerV1,
  ): Promise<{ status: number; body: UpsertOutcomeDto }> {
    const result = await this.idempotent.run(
      CUSTOMERS_SCOPE,
      idempotencyKey,
      { concordId, body: customer },
      async () => {
        const outcome = await this.customers.upsert(concordId, customer);
        const taken = await this.xref.link([{ concordId, externalId: outcome.externalId }]);
        if (taken.size > 0) {
          throw new ConcordException(ErrorCode.CONFLICT, takenMessage(outcome.externalId), [
            { path: 'concordId', message: 'maps to an ERP customer linked to another canonical ID' },
          ]);
        }
        return { status: outcome.created ? 201 : 200, body: outcome };
      },
    );
    return { status: result.status, body: result.body };
  }
}
