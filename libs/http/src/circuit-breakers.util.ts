import { circuitBreaker, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { classifyFailure, isTransient } from './failure.util.js';

// One breaker per target system for the whole process, so every client of a system sees the same state.
const breakers = new Map<string, CircuitBreakerPolicy>();

/**
 * Only transient failures open the circuit; a 4xx answer proves the target is up, and so does a 429:
 * a throttled target asks for a slower pace, and refusing every call for a while would not give it.
 */
function countsAgainstBreaker(error: Error, countInternalErrors: boolean): boolean {
  const failure = classifyFailure(error);
  if (failure?.kind === 'status' && failure.status === 429) return false;
  if (failure?.kind === 'status' && failure.status === 500 && !countInternalErrors) return false;
  return failure !== undefined && isTransient(failure);
}

/** The process-wide breaker of `system`, created with these settings on first use. */
export function sharedBreaker(
  system: string,
  settings: { consecutiveFailures: number; halfOpenAfterMs: number; countInternalErrors: boolean },
): CircuitBreakerPolicy {
  let breaker = breakers.get(system);
  if (!breaker) {
    const counted = (error: Error) => countsAgainstBreaker(error, settings.countInternalErrors);
    breaker = circuitBreaker(handleWhen(counted), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.consecutiveFailures),
    });
    breakers.set(system, breaker);
  }
  return breaker;
}
