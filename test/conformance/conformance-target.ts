import { type AppDefinition } from '@concord/platform';
import { type RunningSandbox } from '../support/sandbox.js';

export interface InjectedAnswer {
  status: number;
  body?: unknown;
}

/**
 * What the customer conformance suite needs to know about one adapter: its app, how to see and
 * change records in its sandbox directly, and the vendor's own answers for the failures it injects.
 */
export interface ConformanceTarget {
  name: string;
  app: AppDefinition;
  vendorUrl(sandbox: RunningSandbox): string;
  /** Records of this canonical customer name stored in the vendor (deleted ones excluded). */
  countByName(sandbox: RunningSandbox, name: string): Promise<number>;
  /** Sandbox fault route (glob or /regex/) matching the vendor calls that write a customer. */
  writeRoute: string;
  rejection: InjectedAnswer & { expectedPath?: string };
  throttle: InjectedAnswer;
  /** Deletes a record straight in the vendor, as a user of that system would. */
  deleteInVendor(sandbox: RunningSandbox, externalId: string): Promise<void>;
  /**
   * Re-stamps a record as a transaction would that stamped it `ageMs` ago and commits only now. Only
   * for vendors whose feed is polled by timestamp; delta links and events are ordered by commit.
   */
  lateCommit?(sandbox: RunningSandbox, externalId: string, ageMs: number): Promise<void>;
  /** A vendor-specific optimistic-concurrency failure on update, if the vendor has one. */
  concurrencyConflict?: { route: string; answer: InjectedAnswer };
}
