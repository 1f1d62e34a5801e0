import { Module } from '@nestjs/common';
import { ApplyBulkActionUseCase } from './apply-bulk-action.usecase.js';
import { DiscardExceptionUseCase } from './discard-exception.usecase.js';
import { ExceptionActionsController } from './exception-actions.controller.js';
import { ExceptionBulkController } from './exception-bulk.controller.js';
import { ExceptionReadsRepository } from './exception-reads.repository.js';
import { ExceptionTransitions } from './exception-transitions.service.js';
import { ExceptionsController } from './exceptions.controller.js';
import { GetExceptionUseCase } from './get-exception.usecase.js';
import { ListExceptionsUseCase } from './list-exceptions.usecase.js';
import { ResolveExceptionUseCase } from './resolve-exception.usecase.js';
import { RetryExceptionUseCase } from './retry-exception.usecase.js';

/** The steward's exception queue, read straight from Concord's own database. */
@Module({
  controllers: [ExceptionBulkController, ExceptionsController, ExceptionActionsController],
  providers: [
    ExceptionReadsRepository,
    ExceptionTransitions,
    ListExceptionsUseCase,
    GetExceptionUseCase,
    ResolveExceptionUseCase,
    DiscardExceptionUseCase,
    RetryExceptionUseCase,
    ApplyBulkActionUseCase,
  ],
})
export class ExceptionsModule {}
