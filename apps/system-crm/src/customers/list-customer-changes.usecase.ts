import { Injectable } from '@nestjs/common';
import {
  type ChangeCursor,
  type CustomerChangeDto,
  type CustomerChangePageDto,
  decodeCursor,
  encodeCursor,
  ErrorCode,
  InvalidCursorError,
  isAfterCursor,
} from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type ChangeScanPosition, CrmCustomers } from './crm-customers.port.js';

/** Re-read this far behind the cursor, for changes that share its timestamp or committed late. */
export const OVERLAP_MS = 5_000;
const FEED_START: ChangeCursor = { modstamp: new Date(0).toISOString(), id: '' };

function parseCursor(encoded: string | undefined): ChangeCursor | undefined {
  try {
    return decodeCursor(encoded);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'cursor is malformed', [
      { path: 'cursor', message: error.message },
    ]);
  }
}

@Injectable()
export class ListCustomerChangesUseCase {
  constructor(private readonly crm: CrmCustomers) {}

  async execute(encodedCursor: string | undefined, limit: number): Promise<CustomerChangePageDto> {
    const cursor = parseCursor(encodedCursor);
    const fresh: CustomerChangeDto[] = [];
    let position: ChangeScanPosition = cursor
      ? { kind: 'from', modstamp: new Date(Date.parse(cursor.modstamp) - OVERLAP_MS).toISOString() }
      : { kind: 'start' };
    // Reading one past the limit tells whether more is waiting; the overlap's repeats are skipped, so
    // keep scanning until the page is full or the feed is exhausted.
    for (;;) {
      const scanned = await this.crm.readChanges(position, limit + 1);
      for (const change of scanned) {
        if (isAfterCursor(cursor, change.sourceVersion, change.externalId)) fresh.push(change);
      }
      const last = scanned.at(-1);
      if (!last || scanned.length <= limit || fresh.length > limit) break;
      position = { kind: 'after', modstamp: last.sourceVersion, id: last.externalId };
    }
    const changes = fresh.slice(0, limit);
    const tail = changes.at(-1);
    const next = tail ? { modstamp: tail.sourceVersion, id: tail.externalId } : (cursor ?? FEED_START);
    return { changes, nextCursor: encodeCursor(next), hasMore: fresh.length > limit };
  }
}
