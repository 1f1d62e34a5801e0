import { ErrorCode } from '@concord/contracts';
import { type AuthenticatedRequest, ConcordException } from '@concord/governance';

/** The partner the auth guard identified; partner routes admit partner keys only, so anything else is a bug. */
export function partnerIdOf(request: AuthenticatedRequest): string {
  const principal = request.principal;
  if (principal?.kind !== 'partner')
    throw new ConcordException(ErrorCode.FORBIDDEN, 'This API is for partner credentials');
  return principal.partnerId;
}
