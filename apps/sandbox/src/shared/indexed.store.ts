/** A value an equality index files entries under; `Map` compares these with SameValueZero. */
export type IndexKey = string | number | boolean | null;

/** How an index files a value. A method, so a store of a subtype still reads as a store of its base. */
interface Keyed<V> {
  keyOf(value: V): IndexKey;
}

/** One equality lookup: the entries whose `keyOf` gives `key`, in the index named `index`. */
export interface Probe<V> extends Keyed<V> {
  /** Names the index within one store; a name must always come with the same `keyOf`. */
  index: string;
  key: IndexKey;
}

const NONE: ReadonlySet<string> = new Set();

class EqualityIndex<V> {
  // The key each entry was filed under: a value changed in place and then set again still moves.
  private readonly filed = new Map<string, IndexKey>();
  private readonly buckets = new Map<IndexKey, Set<string>>();

  constructor(private readonly keyed: Keyed<V>) {}

  put(id: string, value: V): void {
    this.remove(id);
    const key = this.keyed.keyOf(value);
    this.filed.set(id, key);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.add(id);
    else this.buckets.set(key, new Set([id]));
  }

  remove(id: string): void {
    const key = this.filed.get(id);
    if (key === undefined) return;
    this.filed.delete(id);
    const bucket = this.buckets.get(key);
    bucket?.delete(id);
    if (bucket?.size === 0) this.buckets.delete(key);
  }

  ids(key: IndexKey): ReadonlySet<string> {
    return this.buckets.get(key) ?? NONE;
  }
}

/** A Map with equality indexes, each built on its first lookup and kept current by set, delete and clear. */
export class IndexedStore<V> extends Map<string, V> {
  private readonly positions = new Map<string, number>();
  private readonly indexes = new Map<string, EqualityIndex<V>>();
  private inserted = 0;

  // No initial entries: Map's constructor would call `set` before the fields above exist.
  constructor() {
    super();
  }

  override set(id: string, value: V): this {
    if (!super.has(id)) {
      this.positions.set(id, this.inserted);
      this.inserted += 1;
    }
    super.set(id, value);
    for (const index of this.indexes.values()) index.put(id, value);
    return this;
  }

  override delete(id: string): boolean {
    if (!super.delete(id)) return false;
    this.positions.delete(id);
    for (const index of this.indexes.values()) index.remove(id);
    return true;
  }

  override clear(): void {
    super.clear();
    this.positions.clear();
    this.indexes.clear();
  }

  /** Values matching any of the probes, in the order iterating the map would visit them. */
  matching(probes: readonly Probe<V>[]): V[] {
    const ids = new Set<string>();
    for (const probe of probes) {
      // `===` never equals NaN, while a Map key of NaN would find every NaN.
      if (Number.isNaN(probe.key)) continue;
      for (const id of this.index(probe).ids(probe.key)) ids.add(id);
    }
    const position = (id: string): number => this.positions.get(id) ?? 0;
    return [...ids]
      .sort((a, b) => position(a) - position(b))
      .flatMap((id) => {
        const value = this.get(id);
        return value === undefined ? [] : [value];
      });
  }

  private index(probe: Probe<V>): EqualityIndex<V> {
    const existing = this.indexes.get(probe.index);
    if (existing) return existing;
    const built = new EqualityIndex(probe);
    for (const [id, value] of this) built.put(id, value);
    this.indexes.set(probe.index, built);
    return built;
  }
}
