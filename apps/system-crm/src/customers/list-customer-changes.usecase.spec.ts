import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CustomerChangeDto, encodeCursor } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type ChangeScanPosition, type CrmCustomers } from './crm-customers.port.js';
import { ListCustomerChangesUseCase } from './list-customer-changes.usecase.js';

/** A CRM whose feed is an in-memory list, scanned the way the port promises. */
function feedOf(changes: CustomerChangeDto[]): CrmCustomers {
  const ordered = [...changes].sort(
    (a, b) => a.sourceVersion.localeCompare(b.sourceVersion) || a.externalId.localeCompare(b.externalId),
  );
  const readChanges = async (position: ChangeScanPosition, limit: number) =>
    ordered
      .filter((change) =>
        position.kind === 'start'
          ? true
          : position.kind === 'from'
            ? change.sourceVersion >= position.modstamp
            : change.sourceVersion > position.modstamp ||
              (change.sourceVersion === position.modstamp && change.externalId > position.id),
      )
      .slice(0, limit);
  return { readChanges } as unknown as CrmCustomers;
}

const at = (second: number, id: string): CustomerChangeDto => ({
  kind: 'upsert',
  externalId: id,
  sourceVersion: new Date(Date.UTC(2026, 10, 23, 10, 0, second)).toISOString(),
});

async function drain(useCase: ListCustomerChangesUseCase, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let more = true; more;) {
    const page = await useCase.execute(cursor, limit);
    ids.push(...page.changes.map((change) => change.externalId));
    cursor = page.nextCursor;
    more = page.hasMore;
  }
  return ids;
}

describe('customer change feed paging', () => {
  it('delivers records sharing one timestamp across page boundaries exactly once', async () => {
    const changes = [at(1, 'a'), at(2, 'b'), at(2, 'c'), at(2, 'd'), at(2, 'e'), at(3, 'f'), at(3, 'g')];
    const ids = await drain(new ListCustomerChangesUseCase(feedOf(changes)), 2);
    assert.deepEqual(ids, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('skips a full overlap window of delivered changes instead of stalling', async () => {
    const crowded = Array.from({ length: 12 }, (_, index) => at(4, `id${String(index).padStart(2, '0')}`));
    const useCase = new ListCustomerChangesUseCase(feedOf([...crowded, at(5, 'z')]));
    const cursor = encodeCursor({ modstamp: at(4, '').sourceVersion, id: 'id11' });
    const page = await useCase.execute(cursor, 3);
    assert.deepEqual(
      page.changes.map((change) => change.externalId),
      ['z'],
    );
    assert.equal(page.hasMore, false);
  });

  it('answers an empty page with a cursor to come back with, and 400 for a forged one', async () => {
    const page = await new ListCustomerChangesUseCase(feedOf([])).execute(undefined, 10);
    assert.deepEqual(page.changes, []);
    assert.equal(typeof page.nextCursor, 'string');
    await assert.rejects(
      new ListCustomerChangesUseCase(feedOf([])).execute('%%%', 10),
      (error: unknown) => error instanceof ConcordException && error.details[0]?.path === 'cursor',
    );
  });
});
