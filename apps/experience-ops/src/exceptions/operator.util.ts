import { ErrorCode } from '@concord/contracts';
import { type AuthenticatedRequest, ConcordException } from '@concord/governance';

/** The operator the auth guard identified; steward routes are operator-only, so anything else is a bug. */
export function operatorIdOf(request: AuthenticatedRequest): string {
  const principal = request.principal;
  if (principal?.kind !== 'operator')
    throw new ConcordException(ErrorCode.FORBIDDEN, 'This API is for operator credentials');
  return principal.operatorId;
}
