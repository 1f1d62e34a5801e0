import { Injectable } from '@nestjs/common';
import { type EntityManager } from '@concord/persistence';
import { type OnboardingInput } from '../onboarding/onboarding-flow.repository.js';
import { STEP_NAMES, STEP_STATE, type StepName } from '../onboarding/onboarding-steps.js';

/** Steps from `from` to the end of the saga, in order. */
export function stepsFrom(from: StepName): StepName[] {
  return STEP_NAMES.slice(STEP_NAMES.indexOf(from));
}

/** Puts an ended flow back in motion at a step: the outcomes of that step and later ones are cleared. */
@Injectable()
export class FlowResumeRepository {
  async resume(
    manager: EntityManager,
    flowId: string,
    from: StepName,
    input: OnboardingInput,
  ): Promise<void> {
    await manager.query(
      `UPDATE flow SET state = $2, input = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [flowId, STEP_STATE[from], JSON.stringify(input)],
    );
    await manager.query(`DELETE FROM flow_step WHERE flow_id = $1 AND name = ANY($2)`, [
      flowId,
      stepsFrom(from),
    ]);
  }
}
