import { Injectable } from '@nestjs/common';
import { type ChangeCursor } from '@concord/contracts';
import { type ErpChangePage, type ErpCustomerChange } from '../../customers/erp-customers.port.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralDeltaFeed } from './business-central-delta-feed.service.js';
import { externalIdOf, fromBcCustomer } from './business-central.mappers.js';
import { type BcCustomer } from './business-central.types.js';

/** Customer change feed: the customers of every company the country map can place a customer in. */
@Injectable()
export class BusinessCentralChanges {
  constructor(
    private readonly companies: BusinessCentralCompanies,
    private readonly feed: BusinessCentralDeltaFeed,
  ) {}

  async changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<ErpChangePage> {
    return this.feed.page<BcCustomer, ErpCustomerChange>(
      {
        set: 'customers',
        companies: await this.companies.all(),
        changed: async (company, customer) => ({
          kind: 'upsert',
          externalId: externalIdOf(company.id, customer.id),
          sourceVersion: customer.lastModifiedDateTime,
          record: fromBcCustomer(customer, company, await this.companies.paymentTerms(company.id)),
        }),
        deleted: (company, id, observedAt) => ({
          kind: 'delete',
          externalId: externalIdOf(company.id, id),
          sourceVersion: observedAt,
        }),
      },
      cursor,
      limit,
    );
  }
}
