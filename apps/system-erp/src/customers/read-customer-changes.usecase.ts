import { Injectable } from '@nestjs/common';
import {
  type CustomerChangeDto,
  type CustomerChangePageDto,
  decodeCursor,
  encodeCursor,
  ErrorCode,
  InvalidCursorError,
} from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { CustomerXrefRepository } from './customer-xref.repository.js';
import { type ErpChangePage, type ErpCustomerChange, ErpCustomers } from './erp-customers.port.js';

export const DEFAULT_CHANGES_LIMIT = 500;

@Injectable()
export class ReadCustomerChangesUseCase {
  constructor(
    private readonly customers: ErpCustomers,
    private readonly xref: CustomerXrefRepository,
  ) {}

  async execute(cursor: string | undefined, limit = DEFAULT_CHANGES_LIMIT): Promise<CustomerChangePageDto> {
    const page = await this.read(cursor, limit);
    // One xref query per page: the ERP cannot hold the canonical ID itself.
    const concordIds = await this.xref.concordIdsOf(page.changes.map((change) => change.externalId));
    return {
      changes: page.changes.map((change) => canonical(change, concordIds.get(change.externalId))),
      nextCursor: encodeCursor(page.cursor),
      hasMore: page.hasMore,
    };
  }

  private async read(cursor: string | undefined, limit: number): Promise<ErpChangePage> {
    try {
      return await this.customers.changesSince(decodeCursor(cursor), limit);
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'cursor is not one this feed issued', [
        { path: 'cursor', message: error.message },
      ]);
    }
  }
}

/**
 * A change in canonical terms. A record no Concord write linked (created directly in the ERP) has no
 * canonical ID yet, so it goes out by its external ID alone, without the record (which needs one).
 */
function canonical(change: ErpCustomerChange, concordId: string | undefined): CustomerChangeDto {
  const base = { kind: change.kind, externalId: change.externalId, sourceVersion: change.sourceVersion };
  if (concordId === undefined) return base;
  return { ...base, concordId, ...(change.record ? { record: { concordId, ...change.record } } : {}) };
}
