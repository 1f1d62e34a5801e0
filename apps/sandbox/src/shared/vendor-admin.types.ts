export interface VendorAdmin {
  /** Clears every record, token, cursor and counter of the vendor; seeds demo data when asked. */
  reset(seed: boolean): void;
  seed(): void;
  recordTypes(): string[];
  records(type: string): unknown[] | undefined;
  limits(): Record<string, number>;
  /** Answers an error message when the patch is refused. */
  updateLimits(patch: unknown): string | undefined;
}
