import { Injectable } from '@nestjs/common';
import { type CustomerV1 } from '@concord/contracts';
import { CustomerRepository } from '@concord/persistence';
import { NonRetryableJobError } from '@concord/queues';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';

/** Every CustomerV1 field; the compiler insists the list is complete when the contract grows. */
const CUSTOMER_FIELDS = {
  name: true,
  legalName: true,
  country: true,
  taxId: true,
  currency: true,
  address: true,
  website: true,
  email: true,
  phone: true,
  paymentTermsDays: true,
  blocked: true,
  segment: true,
  territory: true,
  externalRefs: true,
} satisfies Record<keyof CustomerV1, true>;

/** The canonical record as the system APIs take it: other keys the store may hold are left out. */
export function canonicalFields(data: Record<string, unknown>): CustomerV1 {
  return Object.fromEntries(
    Object.entries(data).filter(([field]) => Object.hasOwn(CUSTOMER_FIELDS, field)),
  ) as unknown as CustomerV1;
}

/** What earlier steps of a flow established: the validated customer, the chosen canonical one, the system IDs. */
@Injectable()
export class FlowCustomerService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly customers: CustomerRepository,
  ) {}

  /** The canonical customer this flow writes: the match step's choice, as the store holds it. */
  async target(flow: FlowRow): Promise<{ customerId: string; customer: CustomerV1 }> {
    const match = await this.flows.stepOf(flow, 'match');
    const chosen = match?.outcome === 'CONFIRMED' ? match.detail.customerId : undefined;
    const customerId = typeof chosen === 'string' ? chosen : flow.concordId;
    const stored = await this.customers.find(customerId);
    return {
      customerId,
      customer: stored ? canonicalFields(stored.data) : await this.validatedCustomer(flow),
    };
  }

  async validatedCustomer(flow: FlowRow): Promise<CustomerV1> {
    const step = await this.flows.stepOf(flow, 'validate');
    const customer = step?.outcome === 'CONFIRMED' ? step.detail.customer : undefined;
    if (!customer || typeof customer !== 'object') {
      throw new NonRetryableJobError('technical', `flow ${flow.id} has no validated customer`, {
        flowId: flow.id,
      });
    }
    return customer as CustomerV1;
  }

  async confirmed(flow: FlowRow, step: 'erp' | 'billing'): Promise<{ externalId: string; number?: string }> {
    const row = await this.flows.stepOf(flow, step);
    const externalId = row?.outcome === 'CONFIRMED' ? row.detail.externalId : undefined;
    if (typeof externalId !== 'string') {
      throw new NonRetryableJobError('technical', `flow ${flow.id} has no confirmed ${step} customer`, {
        flowId: flow.id,
      });
    }
    const number = row?.detail.number;
    return { externalId, ...(typeof number === 'string' ? { number } : {}) };
  }
}
