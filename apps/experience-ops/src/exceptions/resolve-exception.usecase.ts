import { Injectable } from '@nestjs/common';
import { type ExceptionActionResultDto, type ResolveExceptionDto } from './exception-actions.dto.js';
import { ExceptionTransitions, succeededOrThrow } from './exception-transitions.service.js';

/**
 * Closes an exception, or with an edited payload stores it and sets `retrying` so the owning
 * process app re-submits it (that re-submission belongs to the process layer).
 */
@Injectable()
export class ResolveExceptionUseCase {
  constructor(private readonly transitions: ExceptionTransitions) {}

  async execute(
    id: string,
    operatorId: string,
    body: ResolveExceptionDto,
  ): Promise<ExceptionActionResultDto> {
    const result = await this.transitions.apply({
      id,
      action: 'resolve',
      operatorId,
      target: body.payload === undefined ? 'resolved' : 'retrying',
      detail: { note: body.note },
      ...(body.payload === undefined ? {} : { editedPayload: body.payload }),
    });
    const { status, previousStatus, updatedAt } = succeededOrThrow(result);
    return { id, status, previousStatus, updatedAt };
  }
}
