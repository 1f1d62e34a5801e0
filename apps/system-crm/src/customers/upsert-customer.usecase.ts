import { Injectable } from '@nestjs/common';
import { type CustomerV1, type UpsertOutcomeDto } from '@concord/contracts';
import { type IdempotentResult, IdempotentWrite } from '@concord/platform';
import { CrmCustomers } from './crm-customers.port.js';

export const CUSTOMERS_SCOPE = 'system-crm:customers';

@Injectable()
export class UpsertCustomerUseCase {
  constructor(
    private readonly crm: CrmCustomers,
    private readonly idempotent: IdempotentWrite,
  ) {}

  /** 201 when the CRM account was created, 200 when updated; a repeated key replays the first answer. */
  execute(
    concordId: string,
    key: string | undefined,
    customer: CustomerV1,
  ): Promise<IdempotentResult<UpsertOutcomeDto>> {
    return this.idempotent.run(CUSTOMERS_SCOPE, key, { concordId, body: customer }, async () => {
      const outcome = await this.crm.upsert(concordId, customer);
      return { status: outcome.created ? 201 : 200, body: outcome };
    });
  }
}
