import { isStepName, type StepName } from '../onboarding/onboarding-steps.js';
import { type RetryingException } from './retrying-exception.repository.js';

const STEP_JOB_ID = /^([0-9a-f-]{36})\.([a-z-]+)$/;

/**
 * The flow and step an onboarding exception came from: from the job's envelope (`data`), which a
 * steward's edit keeps, else from the step job ID (`<flowId>.<step>`).
 */
export function failedStepOf(exception: RetryingException): { flowId: string; step: StepName } | undefined {
  const payload = asObject(exception.payload);
  const data = asObject(payload?.data);
  if (typeof data?.flowId === 'string' && isStepName(data.step))
    return { flowId: data.flowId, step: data.step };
  const match = STEP_JOB_ID.exec(exception.jobId ?? '');
  return match?.[1] && isStepName(match[2]) ? { flowId: match[1], step: match[2] } : undefined;
}

/** A customer the steward corrected: `payload.customer` of the edited payload. */
export function editedCustomer(payload: unknown): Record<string, unknown> | undefined {
  return asObject(asObject(payload)?.customer);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
