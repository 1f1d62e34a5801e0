import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { UUID_PATTERN } from './exception-cursor.util.js';
import { ExceptionReadsRepository } from './exception-reads.repository.js';
import { toSummary } from './exception-summary.mapper.js';
import { buildTimeline } from './exception-timeline.mapper.js';
import { type ExceptionDetailDto } from './exception-views.dto.js';

/** One exception with everything recorded under its correlation ID. */
@Injectable()
export class GetExceptionUseCase {
  constructor(private readonly reads: ExceptionReadsRepository) {}

  async execute(id: string): Promise<ExceptionDetailDto> {
    const row = UUID_PATTERN.test(id) ? await this.reads.find(id) : undefined;
    if (!row) {
      throw new ConcordException(ErrorCode.NOT_FOUND, `No exception has id ${id}`, [
        { path: 'id', message: 'not found' },
      ]);
    }
    const records = await this.reads.timeline(row.id, row.correlation_id);
    return {
      ...toSummary(row),
      payload: row.payload,
      error: row.error,
      job: { queue: row.queue, jobId: row.job_id, jobName: row.job_name },
      timeline: buildTimeline(records),
    };
  }
}
