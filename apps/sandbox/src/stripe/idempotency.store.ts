export interface StoredResponse {
  status: number;
  body: string;
  contentType: string;
  requestId: string;
}

interface Entry {
  fingerprint: string;
  createdAt: number;
  response?: StoredResponse;
}

export type IdempotencyDecision =
  | { kind: 'new' }
  | { kind: 'in_flight' }
  | { kind: 'mismatch' }
  | { kind: 'replay'; response: StoredResponse };

// Stripe keeps keys for at least 24 hours; after that a key may be reused for a new request.
const RETENTION_MS = 24 * 60 * 60 * 1000;

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  begin(key: string, fingerprint: string): IdempotencyDecision {
    const now = Date.now();
    for (const [stored, entry] of this.entries) {
      if (entry.response && now - entry.createdAt > RETENTION_MS) this.entries.delete(stored);
    }
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { fingerprint, createdAt: now });
      return { kind: 'new' };
    }
    if (!entry.response) return { kind: 'in_flight' };
    if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return { kind: 'replay', response: entry.response };
  }

  complete(key: string, response: StoredResponse): void {
    const entry = this.entries.get(key);
    if (entry) entry.response = response;
  }

  /** Validation failures and refused requests leave nothing behind, so the key stays usable. */
  abandon(key: string): void {
    const entry = this.entries.get(key);
    if (entry && !entry.response) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
