import { Injectable } from '@nestjs/common';
import { type ExceptionActionResultDto, type RetryExceptionDto } from './exception-actions.dto.js';
import { ExceptionTransitions, succeededOrThrow } from './exception-transitions.service.js';

/** Records a retry request: the exception waits in `retrying` for its owning process app. */
@Injectable()
export class RetryExceptionUseCase {
  constructor(private readonly transitions: ExceptionTransitions) {}

  async execute(id: string, operatorId: string, body: RetryExceptionDto): Promise<ExceptionActionResultDto> {
    const result = await this.transitions.apply({
      id,
      action: 'retry',
      operatorId,
      target: 'retrying',
      detail: body.note === undefined ? {} : { note: body.note },
    });
    const { status, previousStatus, updatedAt } = succeededOrThrow(result);
    return { id, status, previousStatus, updatedAt };
  }
}
