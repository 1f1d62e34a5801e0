import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type CustomerV1, ProcessOnboardingClient } from '@concord/contracts';
import { type IdempotentResult, IdempotentWrite } from '@concord/platform';
import { type CustomerAcceptedDto } from './customers.dto.js';

/**
 * The key sent to the process layer: the same for every retry of one partner request, and distinct
 * across partners that happen to pick the same key.
 */
export function onboardingKeyFor(partnerId: string, key: string): string {
  return `partner-${createHash('sha256').update(`${partnerId}\n${key}`).digest('hex')}`;
}

/** Registers a partner's customer: starts its onboarding once per Idempotency-Key. */
@Injectable()
export class RegisterCustomerUseCase {
  constructor(
    private readonly idempotent: IdempotentWrite,
    private readonly onboarding: ProcessOnboardingClient,
  ) {}

  execute(
    partnerId: string,
    key: string | undefined,
    customer: CustomerV1,
  ): Promise<IdempotentResult<CustomerAcceptedDto>> {
    return this.idempotent.run(`experience-partner:${partnerId}:customers`, key, customer, async () => {
      // `run` refuses a missing key before calling this.
      const accepted = await this.onboarding.startOnboarding(
        { customer, partnerId },
        onboardingKeyFor(partnerId, key ?? ''),
      );
      return {
        status: 202,
        body: {
          customerId: accepted.concordId,
          onboardingId: accepted.onboardingId,
          status: accepted.status,
        },
      };
    });
  }
}
