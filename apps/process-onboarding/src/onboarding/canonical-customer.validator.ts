import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CustomerV1, type ErrorDetail, flattenValidationErrors } from '@concord/contracts';
import { ValidateCustomerUseCase } from '../customer-validation/validate-customer.usecase.js';

export type CanonicalCheck =
  { valid: true; customer: CustomerV1; warnings: string[] } | { valid: false; details: ErrorDetail[] };

/**
 * The canonical rules an onboarding must pass before any system sees the customer: the CustomerV1
 * field rules (country, tax ID for the country, currency, required fields, no unknown fields), then
 * the normalization every later step compares on.
 */
@Injectable()
export class CanonicalCustomerValidator {
  constructor(private readonly validateCustomer: ValidateCustomerUseCase) {}

  async check(candidate: Record<string, unknown>): Promise<CanonicalCheck> {
    const customer = plainToInstance(CustomerV1, candidate);
    const errors = await validate(customer, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    if (errors.length > 0) return { valid: false, details: flattenValidationErrors(errors) };
    const result = this.validateCustomer.execute(customer);
    return { valid: true, customer: result.customer, warnings: result.warnings };
  }
}

/** One line naming each refused field, for the CRM account's sync message. */
export function describeInvalid(details: readonly ErrorDetail[]): string {
  const parts = details.map((detail) => `${detail.path ?? 'customer'}: ${detail.message ?? 'invalid'}`);
  return `Concord validation failed: ${parts.join('; ')}`;
}
