interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the calls that arrive while a batch is running and runs them as the next batch, so work that
 * must be serialized (one lock, one transaction) is paid for once per batch instead of once per call.
 * A batch that fails is run again one item at a time, so one bad item fails only its own caller.
 */
export class GroupCommit<I, O> {
  private readonly pending: Array<Pending<I, O>> = [];
  private running = false;

  constructor(
    private readonly runBatch: (items: I[]) => Promise<O[]>,
    private readonly maxBatch: number,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        await this.settle(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async settle(batch: Array<Pending<I, O>>): Promise<void> {
    try {
      const results = await this.runBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index] as O));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const entry of batch) await this.settle([entry]);
    }
  }
}
