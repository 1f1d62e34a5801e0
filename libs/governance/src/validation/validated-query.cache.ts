type Primitive = string | number | boolean | null | undefined;
type Snapshot = ReadonlyArray<readonly [string, Primitive | readonly Primitive[]]>;

// Enough for the handful of query shapes a route sees in steady state; cursors and IDs churn through it.
const MAX_ENTRIES_PER_DTO = 256;

function isPrimitive(value: unknown): value is Primitive {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/**
 * Validated query DTOs, per DTO class and raw query. Only results made of primitives (and arrays of
 * them) are kept, so every hit is rebuilt as a fresh instance that shares nothing with earlier callers.
 */
export class ValidatedQueryCache {
  private readonly byDto = new WeakMap<object, Map<string, Snapshot>>();

  /** Cache key of a raw query object, or undefined when it holds anything but strings. */
  static keyOf(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'string') continue;
      if (Array.isArray(item) && item.every((entry) => typeof entry === 'string')) continue;
      return undefined;
    }
    return JSON.stringify(value);
  }

  get(dto: object, key: string): object | undefined {
    const snapshot = this.byDto.get(dto)?.get(key);
    if (!snapshot) return undefined;
    const instance = Object.create((dto as { prototype: object }).prototype) as Record<string, unknown>;
    for (const [name, item] of snapshot) instance[name] = isPrimitive(item) ? item : item.slice();
    return instance;
  }

  remember(dto: object, key: string, validated: unknown): void {
    if (typeof validated !== 'object' || validated === null) return;
    if (Object.getPrototypeOf(validated) !== (dto as { prototype: object }).prototype) return;
    const snapshot: Array<readonly [string, Primitive | readonly Primitive[]]> = [];
    for (const [name, item] of Object.entries(validated)) {
      if (isPrimitive(item)) snapshot.push([name, item]);
      else if (Array.isArray(item) && item.every(isPrimitive)) snapshot.push([name, [...item]]);
      else return;
    }
    let entries = this.byDto.get(dto);
    if (!entries) {
      entries = new Map();
      this.byDto.set(dto, entries);
    }
    if (entries.size >= MAX_ENTRIES_PER_DTO) entries.clear();
    entries.set(key, snapshot);
  }
}
