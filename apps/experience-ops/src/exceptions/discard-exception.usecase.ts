import { Injectable } from '@nestjs/common';
import { type DiscardExceptionDto, type ExceptionActionResultDto } from './exception-actions.dto.js';
import { ExceptionTransitions, succeededOrThrow } from './exception-transitions.service.js';

/** Gives up on an exception for a stated reason; it is never re-submitted. */
@Injectable()
export class DiscardExceptionUseCase {
  constructor(private readonly transitions: ExceptionTransitions) {}

  async execute(
    id: string,
    operatorId: string,
    body: DiscardExceptionDto,
  ): Promise<ExceptionActionResultDto> {
    const result = await this.transitions.apply({
      id,
      action: 'discard',
      operatorId,
      target: 'discarded',
      detail: { reason: body.reason },
    });
    const { status, previousStatus, updatedAt } = succeededOrThrow(result);
    return { id, status, previousStatus, updatedAt };
  }
}
