import { Injectable } from '@nestjs/common';
import {
  AdapterError,
  type ChangeCursor,
  type CustomerChangePageDto,
  type CustomerRecordV1,
  type CustomerV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import { BillingCustomers } from '../../customers/billing-customers.port.js';
import { CustomerXrefRepository } from '../../customers/customer-xref.repository.js';
import { StripeClient } from './stripe.client.js';
import { StripeCustomerFeed } from './stripe-customer-feed.service.js';
import { searchByConcordId, toCustomerRecord, toStripeCustomerParams } from './stripe.mappers.js';
import { type StripeCustomerWire } from './stripe.types.js';

const isNotFound = (error: unknown): boolean => error instanceof AdapterError && error.kind === 'NotFound';
const answerLost = (error: unknown): boolean => error instanceof AdapterError && error.kind === 'Temporary';

/**
 * Billing customers in Stripe. The customer of a canonical ID is found through the xref, then
 * Stripe search on `metadata[concord_id]` (eventually consistent in Stripe, hence the xref), and
 * created only when both come up empty.
 */
@Injectable()
export class StripeCustomersService extends BillingCustomers {
  constructor(
    private readonly stripe: StripeClient,
    private readonly xref: CustomerXrefRepository,
    private readonly feed: StripeCustomerFeed,
  ) {
    super();
  }

  async find(concordId: string): Promise<CustomerRecordV1 | undefined> {
    const known = await this.xref.externalIdOf(concordId);
    if (known) {
      const customer = await this.retrieve(known);
      if (customer) return toCustomerRecord(customer, concordId);
      await this.xref.unlink(concordId, known);
    }
    const found = await this.search(concordId);
    if (!found) return undefined;
    await this.xref.link(concordId, found.id);
    return toCustomerRecord(found, concordId);
  }

  async upsert(concordId: string, customer: CustomerV1, writeKey: string): Promise<UpsertOutcomeDto> {
    const known = await this.xref.externalIdOf(concordId);
    if (known) {
      try {
        return await this.update(known, concordId, customer);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await this.xref.unlink(concordId, known);
      }
    }
    const found = await this.search(concordId);
    if (found) {
      await this.xref.link(concordId, found.id);
      return this.update(found.id, concordId, customer);
    }
    return this.create(concordId, customer, writeKey);
  }

  changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<CustomerChangePageDto> {
    return this.feed.changesSince(cursor, limit);
  }

  private async create(concordId: string, customer: CustomerV1, writeKey: string): Promise<UpsertOutcomeDto> {
    const params = toStripeCustomerParams(concordId, customer, 'create');
    let created: StripeCustomerWire;
    try {
      created = await this.stripe.call('customers.create', (sdk) =>
        sdk.customers.create(params, { idempotencyKey: writeKey }),
      );
    } catch (error) {
      // The create may have happened with its answer lost: look before anyone creates again.
      if (!answerLost(error)) throw error;
      const found = await this.search(concordId);
      if (!found) throw error;
      created = found;
    }
    const linked = await this.xref.link(concordId, created.id);
    return { externalId: linked, created: true, sourceVersion: new Date().toISOString() };
  }

  private async update(id: string, concordId: string, customer: CustomerV1): Promise<UpsertOutcomeDto> {
    const params = toStripeCustomerParams(concordId, customer, 'update');
    const updated = await this.stripe.call('customers.update', (sdk) => sdk.customers.update(id, params));
    return { externalId: updated.id, created: false, sourceVersion: new Date().toISOString() };
  }

  private async retrieve(id: string): Promise<StripeCustomerWire | undefined> {
    try {
      const customer = await this.stripe.call('customers.retrieve', (sdk) => sdk.customers.retrieve(id));
      return 'deleted' in customer && customer.deleted ? undefined : customer;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async search(concordId: string): Promise<StripeCustomerWire | undefined> {
    const result = await this.stripe.call('customers.search', (sdk) =>
      sdk.customers.search({ query: searchByConcordId(concordId), limit: 1 }),
    );
    return result.data[0];
  }
}
