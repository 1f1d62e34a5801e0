import { Injectable } from '@nestjs/common';
import { type CustomerV1 } from '@concord/contracts';
import { CustomerRepository, type EntityManager } from '@concord/persistence';
import { matchKeysOf, toMatchRecord } from '../matching/customer-match.mapper.js';

/** Writes onboarded customers into the canonical store as the CRM's data, with their match keys. */
@Injectable()
export class CanonicalCustomerService {
  constructor(private readonly customers: CustomerRepository) {}

  /** A customer new to Concord: the onboarded fields as they are. */
  async insert(
    id: string,
    customer: CustomerV1,
    partnerId: string | null,
    manager: EntityManager,
  ): Promise<void> {
    await this.customers.save(
      {
        id,
        data: { ...customer },
        system: 'crm',
        matchKeys: matchKeysOf(toMatchRecord(id, customer)),
        partnerId,
      },
      manager,
    );
  }

  /**
   * A duplicate linked to an existing customer only fills the fields that customer lacks: the record
   * already onboarded stays authoritative, and a typo in the duplicate never overwrites it.
   */
  async link(id: string, duplicate: CustomerV1, manager: EntityManager): Promise<void> {
    const existing = await this.customers.find(id, manager);
    if (!existing) throw new Error(`canonical customer ${id} is gone`);
    const gaps = Object.fromEntries(
      Object.entries(duplicate).filter(([field]) => existing.data[field] === undefined),
    );
    const merged = { ...existing.data, ...gaps };
    await this.customers.save(
      { id, data: gaps, system: 'crm', matchKeys: matchKeysOf(toMatchRecord(id, merged)) },
      manager,
    );
  }
}
