import { AdapterError, type AdapterErrorKind } from '@concord/contracts';

/**
 * Stripe has no batch endpoint: a batch is written item by item, `concurrency` at a time (the client's
 * rate limiter paces the calls), and the results come back in the items' order.
 */
export async function eachItem<I, R>(
  items: readonly I[],
  concurrency: number,
  write: (item: I) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await write(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** How a batch item that failed reports it: every failure, not only a vendor verdict, stays the item's own. */
export function itemFailure(
  error: unknown,
  operation: string,
): { kind: AdapterErrorKind; message: string; details: AdapterError['details'] } {
  const adapterError =
    error instanceof AdapterError
      ? error
      : new AdapterError({
          kind: 'Unknown',
          system: 'billing',
          operation,
          message: error instanceof Error ? error.message : String(error),
        });
  return { kind: adapterError.kind, message: adapterError.message, details: adapterError.details };
}
