import { Injectable } from '@nestjs/common';
import { type CustomerV1, type UpsertOutcomeDto } from '@concord/contracts';
import { IdempotentWrite, type IdempotentResult } from '@concord/platform';
import { BillingCustomers } from './billing-customers.port.js';
import { customerWriteKey } from './write-key.util.js';

@Injectable()
export class UpsertCustomerUseCase {
  constructor(
    private readonly customers: BillingCustomers,
    private readonly idempotent: IdempotentWrite,
  ) {}

  execute(
    concordId: string,
    customer: CustomerV1,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResult<UpsertOutcomeDto>> {
    return this.idempotent.run(
      'system-billing:customers',
      idempotencyKey,
      { concordId, customer },
      async () => {
        const outcome = await this.customers.upsert(
          concordId,
          customer,
          customerWriteKey(concordId, idempotencyKey ?? ''),
        );
        return { status: outcome.created ? 201 : 200, body: outcome };
      },
    );
  }
}
