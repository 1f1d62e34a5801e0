import { Injectable } from '@nestjs/common';
import {
  type ChangeCursor,
  type CustomerChangePageDto,
  decodeCursor,
  ErrorCode,
  InvalidCursorError,
} from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { BillingCustomers } from './billing-customers.port.js';

export const DEFAULT_CHANGES_LIMIT = 500;

@Injectable()
export class ListCustomerChangesUseCase {
  constructor(private readonly customers: BillingCustomers) {}

  execute(cursor: string | undefined, limit: number = DEFAULT_CHANGES_LIMIT): Promise<CustomerChangePageDto> {
    let decoded: ChangeCursor | undefined;
    try {
      decoded = decodeCursor(cursor);
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'Malformed change cursor', [
        { path: 'cursor', message: error.message },
      ]);
    }
    return this.customers.changesSince(decoded, limit);
  }
}
