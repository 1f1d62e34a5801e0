import { Injectable } from '@nestjs/common';
import { type ExceptionStatus } from '@concord/persistence';
import { type BulkItemResultDto, type BulkResultDto } from './exception-actions.dto.js';
import { type ExceptionAction, ExceptionTransitions } from './exception-transitions.service.js';

const TARGET: Record<ExceptionAction, ExceptionStatus> = {
  resolve: 'resolved',
  discard: 'discarded',
  retry: 'retrying',
};
// Each id commits on its own; a few at a time keeps the pool free for other requests.
const CONCURRENCY = 4;

/** One action over many exceptions; an id that cannot take it is reported, never fails the call. */
@Injectable()
export class ApplyBulkActionUseCase {
  constructor(private readonly transitions: ExceptionTransitions) {}

  async execute(
    action: ExceptionAction,
    ids: string[],
    operatorId: string,
    detail: Record<string, unknown>,
  ): Promise<BulkResultDto> {
    const results: BulkItemResultDto[] = new Array<BulkItemResultDto>(ids.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const index = next++;
        const id = ids[index]!;
        const result = await this.transitions.apply({
          id,
          action,
          operatorId,
          target: TARGET[action],
          detail: { ...detail, bulk: true },
        });
        results[index] = result.ok
          ? { id, ok: true, status: result.status }
          : { id, ok: false, error: { code: result.code, message: result.message } };
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
    return { results };
  }
}
