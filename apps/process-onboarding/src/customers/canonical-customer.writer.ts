import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type OwnerSystem } from '@concord/governance';
import { currentCorrelationId } from '@concord/observability';
import {
  type CustomerEntity,
  CustomerRepository,
  type CustomerWriteResult,
  type EntityManager,
  OutboxRepository,
} from '@concord/persistence';
import { QueueNames } from '@concord/platform';
import { QueueName } from '@concord/queues';
import { matchKeysOf } from './canonical-fields.util.js';
import { customerSyncMessage } from './customer-sync.jobs.js';

export interface CanonicalChange {
  concordId: string;
  /** Only fields the writer owns; the caller has applied the ownership matrix. */
  data: Record<string, unknown>;
  system: OwnerSystem;
  sourceVersion?: string | undefined;
}

/**
 * Writes accepted fields to the canonical customer and, in the same transaction, the outbox row that
 * pushes them to the other systems, so a committed change is never left unpropagated.
 */
@Injectable()
export class CanonicalCustomerWriter {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly outbox: OutboxRepository,
    private readonly queueNames: QueueNames,
  ) {}

  /** The customer under a row lock for the rest of the transaction; null when there is none. */
  async lock(manager: EntityManager, concordId: string): Promise<CustomerEntity | null> {
    await manager.query(`SELECT 1 FROM customer WHERE id = $1 FOR UPDATE`, [concordId]);
    return this.customers.find(concordId, manager);
  }

  async apply(
    manager: EntityManager,
    change: CanonicalChange,
    current: CustomerEntity | null,
  ): Promise<CustomerWriteResult> {
    const result = await this.customers.save(
      {
        id: change.concordId,
        data: change.data,
        system: change.system,
        sourceVersion: change.sourceVersion ?? null,
        matchKeys: matchKeysOf({ ...(current?.data ?? {}), ...change.data }),
      },
      manager,
    );
    if (!result.created && result.changedFields.length > 0) {
      const message = customerSyncMessage(
        this.queueNames.of(QueueName.CustomerSync),
        {
          concordId: change.concordId,
          version: result.version,
          fields: result.changedFields,
          source: change.system,
        },
        currentCorrelationId() ?? randomUUID(),
      );
      await this.outbox.add(manager, [message]);
    }
    return result;
  }
}
