/** Named numeric limits a test or operator may change at run time; reset restores the start-up values. */
export class LimitsRegistry<K extends string> {
  private values: Record<K, number>;

  constructor(
    private readonly initial: Record<K, number>,
    private readonly minimums: Partial<Record<K, number>> = {},
  ) {
    this.values = { ...initial };
  }

  get(key: K): number {
    return this.values[key];
  }

  all(): Record<K, number> {
    return { ...this.values };
  }

  reset(): void {
    this.values = { ...this.initial };
  }

  /** Applies every valid entry or none; answers an error message when the patch is invalid. */
  update(patch: unknown): string | undefined {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
      return 'body must be a JSON object';
    const next = { ...this.values };
    for (const [key, value] of Object.entries(patch)) {
      if (!(key in this.values))
        return `unknown limit: ${key} (known: ${Object.keys(this.values).join(', ')})`;
      const min = this.minimums[key as K] ?? 0;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
        return `${key} must be a number >= ${min}`;
      }
      next[key as K] = value;
    }
    this.values = next;
    return undefined;
  }
}
