import { Injectable } from '@nestjs/common';
import { AdapterError, type ErrorDetail, ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { BillingCustomers } from '../customers/billing-customers.port.js';
import { BillingProducts } from '../products/billing-products.port.js';
import { type SubscriptionPlan } from './billing-subscriptions.port.js';
import { type SubscriptionRequestDto } from './subscription.dto.js';

const OPERATION = 'subscriptions.upsert';

/** Request problems no billing call can fix: the same SKU twice, payment terms without invoices. */
function requestProblems(request: SubscriptionRequestDto): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  request.items.forEach((item, index) => {
    if (seen.has(item.sku)) {
      problems.push({ path: `items[${index}].sku`, message: `SKU ${item.sku} appears more than once` });
    }
    seen.add(item.sku);
  });
  const sendInvoice = request.collectionMethod === 'send_invoice';
  if (sendInvoice && request.daysUntilDue === undefined) {
    problems.push({ path: 'daysUntilDue', message: 'daysUntilDue is required with send_invoice' });
  }
  if (!sendInvoice && request.daysUntilDue !== undefined) {
    problems.push({ path: 'daysUntilDue', message: 'daysUntilDue is only allowed with send_invoice' });
  }
  return problems;
}

/**
 * Turns a subscription request into billing terms: the billing customer of the canonical customer
 * and the current recurring price of each SKU (the price holding the SKU's lookup key).
 */
@Injectable()
export class SubscriptionPlanService {
  constructor(
    private readonly customers: BillingCustomers,
    private readonly products: BillingProducts,
  ) {}

  /** Fails before any billing call when the request itself is inconsistent. */
  check(request: SubscriptionRequestDto): void {
    const problems = requestProblems(request);
    if (problems.length > 0) {
      throw new ConcordException(
        ErrorCode.VALIDATION_FAILED,
        'The subscription request is inconsistent',
        problems,
      );
    }
  }

  async resolve(request: SubscriptionRequestDto): Promise<SubscriptionPlan> {
    const [customer, products] = await Promise.all([
      this.customers.find(request.customerConcordId),
      Promise.all(request.items.map((item) => this.products.find(item.sku))),
    ]);
    if (!customer) {
      const message = `no billing customer holds ${request.customerConcordId}`;
      throw new AdapterError({
        kind: 'NotFound',
        system: 'billing',
        operation: OPERATION,
        message,
        details: [{ path: 'customerConcordId', message }],
      });
    }
    const problems: ErrorDetail[] = [];
    const items = request.items.map((item, index) => {
      const product = products[index];
      const path = `items[${index}].sku`;
      if (!product?.active || !product.priceExternalId) {
        problems.push({ path, message: `SKU ${item.sku} has no active price in billing` });
      } else if (!product.recurring) {
        problems.push({ path, message: `SKU ${item.sku} has no recurring price in billing` });
      }
      return { sku: item.sku, quantity: item.quantity, priceExternalId: product?.priceExternalId ?? '' };
    });
    if (problems.length > 0) {
      throw new AdapterError({
        kind: 'Rejected',
        system: 'billing',
        operation: OPERATION,
        message: 'Some SKUs cannot be subscribed to',
        details: problems,
      });
    }
    return {
      customerExternalId: customer.externalId,
      items,
      ...(request.startDate ? { startDate: request.startDate } : {}),
      ...(request.trialDays !== undefined ? { trialDays: request.trialDays } : {}),
      ...(request.collectionMethod ? { collectionMethod: request.collectionMethod } : {}),
      ...(request.daysUntilDue !== undefined ? { daysUntilDue: request.daysUntilDue } : {}),
    };
  }
}
