import { type ErrorDetail } from '@concord/contracts';
import { type ExceptionCategory } from '@concord/persistence';

/** A step found the customer unacceptable; retrying cannot change that. */
export class StepRejectedError extends Error {
  override readonly name = 'StepRejectedError';

  constructor(
    readonly category: ExceptionCategory,
    message: string,
    readonly details: ErrorDetail[],
    readonly answer?: unknown,
  ) {
    super(message);
  }
}
