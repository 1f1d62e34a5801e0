import {
  type ChangeCursor,
  decodeCursor,
  encodeCursor,
  ErrorCode,
  InvalidCursorError,
} from '@concord/contracts';
import { ConcordException } from '@concord/governance';

export interface FeedRead<C> {
  changes: C[];
  cursor: ChangeCursor;
  hasMore: boolean;
}

/** One page of an ERP change feed with its cursor encoded; a cursor this feed never issued is a 400. */
export async function readFeedPage<C>(
  read: (cursor: ChangeCursor | undefined) => Promise<FeedRead<C>>,
  encoded: string | undefined,
): Promise<{ changes: C[]; nextCursor: string; hasMore: boolean }> {
  let page: FeedRead<C>;
  try {
    page = await read(decodeCursor(encoded));
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'cursor is not one this feed issued', [
      { path: 'cursor', message: error.message },
    ]);
  }
  return { changes: page.changes, nextCursor: encodeCursor(page.cursor), hasMore: page.hasMore };
}
