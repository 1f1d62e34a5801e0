import { Injectable } from '@nestjs/common';
import { DEFAULT_EXCEPTION_PAGE, type ExceptionListQueryDto } from './exception-list-query.dto.js';
import { decodeExceptionCursor, encodeExceptionCursor } from './exception-cursor.util.js';
import { type ExceptionFilter, ExceptionReadsRepository } from './exception-reads.repository.js';
import { toSummary } from './exception-summary.mapper.js';
import { type ExceptionPageDto } from './exception-views.dto.js';
import { resolveTimeBound } from './time-bound.util.js';

/** The steward's queue, newest first, one page at a time. */
@Injectable()
export class ListExceptionsUseCase {
  constructor(private readonly reads: ExceptionReadsRepository) {}

  async execute(query: ExceptionListQueryDto, now = new Date()): Promise<ExceptionPageDto> {
    const after = decodeExceptionCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_EXCEPTION_PAGE;
    const filter: ExceptionFilter = {
      statuses: query.status,
      categories: query.category,
      domain: query.domain,
      system: query.system,
      correlationId: query.correlationId,
      createdBefore: query.olderThan === undefined ? undefined : resolveTimeBound(query.olderThan, now),
      createdAfter: query.newerThan === undefined ? undefined : resolveTimeBound(query.newerThan, now),
    };
    // One row more than asked tells whether another page exists without a count.
    const rows = await this.reads.list(filter, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      ...(rows.length > limit && last
        ? { nextCursor: encodeExceptionCursor({ createdAt: last.created_key, id: last.id }) }
        : {}),
    };
  }
}
