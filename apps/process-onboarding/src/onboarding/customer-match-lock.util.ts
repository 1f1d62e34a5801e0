import { type EntityManager } from '@concord/persistence';

/**
 * One transaction-scoped advisory lock around "find candidates, then insert the customer": two
 * near-duplicates arriving at once are matched one after the other, so the second sees the first.
 * One key for all customers because near-duplicates share no key that could partition the lock
 * (a typo changes the name, a new phone format the phone); the locked work is one indexed query.
 */
const CUSTOMER_MATCH_LOCK = 7_301_202_611;

export async function lockCustomerMatching(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1)`, [CUSTOMER_MATCH_LOCK]);
}
