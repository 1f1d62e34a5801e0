import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  encodeCursor,
  ErrorCode,
  InvalidCursorError,
  type ProductChangePageDto,
} from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type ErpProductChangePage, ErpProducts } from './erp-products.port.js';

export const DEFAULT_PRODUCT_CHANGES_LIMIT = 500;

@Injectable()
export class ReadProductChangesUseCase {
  constructor(private readonly products: ErpProducts) {}

  async execute(
    cursor: string | undefined,
    limit = DEFAULT_PRODUCT_CHANGES_LIMIT,
  ): Promise<ProductChangePageDto> {
    const page = await this.read(cursor, limit);
    return { changes: page.changes, nextCursor: encodeCursor(page.cursor), hasMore: page.hasMore };
  }

  private async read(cursor: string | undefined, limit: number): Promise<ErpProductChangePage> {
    try {
      return await this.products.changesSince(decodeCursor(cursor), limit);
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'cursor is not one this feed issued', [
        { path: 'cursor', message: error.message },
      ]);
    }
  }
}
