import { type AdminActor, type AuthenticatedRequest } from '@concord/governance';
import { currentCorrelationId } from '@concord/observability';
import { operatorIdOf } from '../exceptions/operator.util.js';

/** The operator behind an admin request, as the audit log records it. */
export function adminActorOf(request: AuthenticatedRequest): AdminActor {
  return { type: 'operator', id: operatorIdOf(request), correlationId: currentCorrelationId() ?? null };
}
