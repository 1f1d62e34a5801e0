import { type NewSyncException } from '@concord/persistence';

/** The saga's steps in order; `crm-account` runs only when no CRM account exists yet. */
export const STEP_NAMES = ['crm-account', 'validate', 'match', 'erp', 'billing', 'crm-writeback'] as const;
export type StepName = (typeof STEP_NAMES)[number];

export type StepOutcome = 'ACCEPTED' | 'SUBMITTED' | 'CONFIRMED' | 'REJECTED' | 'TIMED_OUT';

export type FlowState =
  | 'accepted'
  | 'crm-account'
  | 'validating'
  | 'matching'
  | 'review'
  | 'erp'
  | 'billing'
  | 'crm-writeback'
  | 'synced'
  | 'rejected'
  | 'failed';

export const FLOW_KIND = 'customer-onboarding';
export const ONBOARDING_JOB = 'onboarding.step';

/** States a flow never leaves by itself; a steward retry starts a new flow. */
export const TERMINAL_STATES: ReadonlySet<FlowState> = new Set(['synced', 'rejected', 'failed']);

/** What the flow row says while a step runs. */
export const STEP_STATE: Readonly<Record<StepName, FlowState>> = {
  'crm-account': 'crm-account',
  validate: 'validating',
  match: 'matching',
  erp: 'erp',
  billing: 'billing',
  'crm-writeback': 'crm-writeback',
};

const NEXT_STEP: Readonly<Record<StepName, StepName | undefined>> = {
  'crm-account': 'validate',
  validate: 'match',
  match: 'erp',
  erp: 'billing',
  billing: 'crm-writeback',
  'crm-writeback': undefined,
};

export interface OnboardingJobData {
  flowId: string;
  step: StepName;
}

export function isStepName(value: unknown): value is StepName {
  return typeof value === 'string' && (STEP_NAMES as readonly string[]).includes(value);
}

/** The CRM owns identity: without a CRM account, the saga creates it before anything else. */
export function firstStep(crmAccountId: string | undefined): StepName {
  return crmAccountId ? 'validate' : 'crm-account';
}

export function nextStep(step: StepName): StepName | undefined {
  return NEXT_STEP[step];
}

/**
 * Job ID of a step, so a redelivered job never enqueues a step twice. BullMQ refuses custom IDs with
 * a single `:`, hence the dot.
 */
export function stepJobId(flowId: string, step: StepName): string {
  return `${flowId}.${step}`;
}

/** Idempotency key of a step's system write: the same for every attempt of that step. */
export function stepWriteKey(flowId: string, step: StepName): string {
  return `onb-${flowId}-${step}`;
}

export interface StepAttempt {
  attempt: number;
  /** No retry follows this attempt. */
  final: boolean;
  /** The exception row a failure of this job becomes (see JobHandlerContext). */
  exceptionFor: (error: unknown) => NewSyncException;
}
