import { type MatchRecord, type PreparedRecord, prepareRecord } from './match-record.js';
import { trigrams } from './similarity.js';

export interface CandidateOptions {
  /** Most fuzzy (name) candidates returned, best-blocked first; exact-key candidates come on top. */
  readonly limit?: number;
  /** Blocks (keys) shared by more records than this are too common to say anything and are skipped. */
  readonly maxBlockSize?: number;
}

const TOKEN_HIT = 3;
const TRIGRAM_HIT = 1;

/**
 * In-memory blocking index: finds the few records worth scoring against a record, by exact keys (tax ID,
 * phone, domain, house number + street) and by shared name tokens and name trigrams (rare blocks count, common ones are skipped).
 */
export class MatchIndex {
  private readonly records: PreparedRecord[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly fuzzy = new Map<string, number[]>();
  private hits = new Int32Array(1024);

  get size(): number {
    return this.records.length;
  }

  add(record: MatchRecord): void {
    const prepared = prepareRecord(record);
    const slot = this.records.length;
    this.records.push(prepared);
    for (const key of exactKeys(prepared)) push(this.exact, key, slot);
    for (const key of fuzzyKeys(prepared)) push(this.fuzzy, key, slot);
  }

  addAll(records: Iterable<MatchRecord>): this {
    for (const record of records) this.add(record);
    return this;
  }

  /** Records sharing an exact key or enough rare name blocks with `record` (never the record's own ID). */
  candidates(record: MatchRecord, options: CandidateOptions = {}): PreparedRecord[] {
    const { limit = 30, maxBlockSize = 1000 } = options;
    const prepared = prepareRecord(record);
    if (this.hits.length < this.records.length) this.hits = new Int32Array(this.records.length * 2);
    const hits = this.hits;
    const touched: number[] = [];
    const chosen = new Set<number>();
    for (const key of exactKeys(prepared)) {
      const slots = this.exact.get(key);
      if (slots && slots.length <= maxBlockSize) for (const slot of slots) chosen.add(slot);
    }
    for (const key of fuzzyKeys(prepared)) {
      const slots = this.fuzzy.get(key);
      if (!slots || slots.length > maxBlockSize) continue;
      const weight = key.startsWith('t:') ? TOKEN_HIT : TRIGRAM_HIT;
      for (const slot of slots) {
        if (hits[slot] === 0) touched.push(slot);
        hits[slot] = hits[slot]! + weight;
      }
    }
    let best = 0;
    for (const slot of touched) best = Math.max(best, hits[slot]!);
    const buckets: number[][] = Array.from({ length: best + 1 }, () => []);
    for (const slot of touched) {
      buckets[hits[slot]!]!.push(slot);
      hits[slot] = 0;
    }
    let fuzzyTaken = 0;
    for (let score = best; score > 0 && fuzzyTaken < limit; score--) {
      for (const slot of buckets[score]!) {
        if (fuzzyTaken >= limit) break;
        if (!chosen.has(slot) && this.records[slot]!.record.id !== record.id) {
          chosen.add(slot);
          fuzzyTaken++;
        }
      }
    }
    const result: PreparedRecord[] = [];
    for (const slot of chosen) {
      const candidate = this.records[slot]!;
      if (candidate.record.id !== record.id) result.push(candidate);
    }
    return result;
  }
}

function push(map: Map<string, number[]>, key: string, slot: number): void {
  const slots = map.get(key);
  if (slots) slots.push(slot);
  else map.set(key, [slot]);
}

function exactKeys(record: PreparedRecord): string[] {
  const keys: string[] = [];
  if (record.taxId) keys.push(`x:${record.taxId}`);
  if (record.phone) keys.push(`p:${record.phone}`);
  if (record.domain) keys.push(`d:${record.domain}`);
  if (record.houseNumber && record.streetTokens.length > 0)
    keys.push(`a:${record.houseNumber} ${record.streetTokens[0]}`);
  return keys;
}

function fuzzyKeys(record: PreparedRecord): string[] {
  const keys = record.nameTokens.map((token) => `t:${token}`);
  for (const gram of trigrams(record.name)) keys.push(`g:${gram}`);
  return [...new Set(keys)];
}
