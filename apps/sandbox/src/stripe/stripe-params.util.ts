import { invalidRequest } from './stripe.errors.js';

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = Record<string, FormValue>;

export interface MetadataPatch {
  clear: boolean;
  set: Record<string, string | null>;
}

const METADATA_MAX_KEYS = 50;
const METADATA_MAX_KEY = 40;
const METADATA_MAX_VALUE = 500;

/** Reads Stripe form parameters with the errors Stripe gives for unknown, missing and malformed ones. */
export class Params {
  constructor(
    readonly raw: FormParams,
    private readonly prefix = '',
  ) {}

  static of(input: unknown): Params {
    return new Params(
      typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as FormParams) : {},
    );
  }

  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  allowOnly(keys: readonly string[]): this {
    for (const key of Object.keys(this.raw)) {
      if (key !== 'expand' && !keys.includes(key)) {
        throw invalidRequest(
          `Received unknown parameter: ${this.name(key)}`,
          this.name(key),
          'parameter_unknown',
        );
      }
    }
    return this;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  /** `undefined` when absent, `null` when sent empty (Stripe's way to unset a value). */
  string(key: string, max = 5000): string | null | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${this.name(key)}`, this.name(key));
    if (value === '') return null;
    if (value.length > max) {
      throw invalidRequest(
        `Invalid string: ${value.slice(0, 20)}...; must be at most ${max} characters`,
        this.name(key),
      );
    }
    return value;
  }

  requiredString(key: string, max?: number): string {
    const value = this.string(key, max);
    if (value === undefined)
      throw invalidRequest(`Missing required param: ${this.name(key)}.`, this.name(key), 'parameter_missing');
    if (value === null) {
      throw invalidRequest(
        `You passed an empty string for '${this.name(key)}'. We assume empty values are an attempt to unset a parameter; however '${this.name(key)}' cannot be unset. You should remove '${this.name(key)}' from your request or supply a non-empty value.`,
        this.name(key),
        'parameter_invalid_empty',
      );
    }
    return value;
  }

  int(key: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.string(key);
    if (value === undefined || value === null) return undefined;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
      throw invalidRequest(`Invalid integer: ${value}`, this.name(key), 'parameter_invalid_integer');
    }
    return parsed;
  }

  bool(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined || value === null) return undefined;
    if (value !== 'true' && value !== 'false')
      throw invalidRequest(`Invalid boolean: ${value}`, this.name(key));
    return value === 'true';
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined || value === null) return undefined;
    if (!values.includes(value as T)) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${values.join(', ')}`, this.name(key));
    }
    return value as T;
  }

  object(key: string): Params | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
      throw invalidRequest(`Invalid object`, this.name(key));
    return new Params(value, this.name(key));
  }

  /** qs turns long arrays into objects keyed by index; both shapes read as a list. */
  list(key: string): Params[] | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object') throw invalidRequest(`Invalid array`, this.name(key));
    const entries = Array.isArray(value)
      ? value
      : Object.keys(value)
          .sort((a, b) => Number(a) - Number(b))
          .map((k) => value[k]);
    return entries.map((entry, index) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw invalidRequest(`Invalid object`, `${this.name(key)}[${index}]`);
      }
      return new Params(entry, `${this.name(key)}[${index}]`);
    });
  }

  strings(key: string): string[] | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value === '' ? [] : [value];
    const entries = Array.isArray(value) ? value : Object.values(value);
    if (entries.some((entry) => typeof entry !== 'string'))
      throw invalidRequest('Invalid array', this.name(key));
    return entries as string[];
  }

  metadata(key = 'metadata'): MetadataPatch | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (value === '') return { clear: true, set: {} };
    if (typeof value !== 'object' || Array.isArray(value))
      throw invalidRequest('Invalid hash', this.name(key));
    const set: Record<string, string | null> = {};
    for (const [name, entry] of Object.entries(value)) {
      if (typeof entry !== 'string')
        throw invalidRequest('Invalid metadata value', `${this.name(key)}[${name}]`);
      if (name.length > METADATA_MAX_KEY) {
        throw invalidRequest(
          `Invalid metadata: metadata keys can be up to ${METADATA_MAX_KEY} characters long, but you passed in a key that was ${name.length}.`,
          this.name(key),
        );
      }
      if (entry.length > METADATA_MAX_VALUE) {
        throw invalidRequest(
          `Invalid metadata: metadata values can be up to ${METADATA_MAX_VALUE} characters long, but you passed in a value that was ${entry.length} characters.`,
          `${this.name(key)}[${name}]`,
        );
      }
      set[name] = entry === '' ? null : entry;
    }
    return { clear: false, set };
  }
}

/** Merges a metadata patch; an empty value removes a key. At most 50 keys may remain. */
export function applyMetadata(
  current: Record<string, string>,
  patch: MetadataPatch | undefined,
): Record<string, string> {
  if (!patch) return current;
  const next: Record<string, string> = patch.clear ? {} : { ...current };
  for (const [key, value] of Object.entries(patch.set)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const count = Object.keys(next).length;
  if (count > METADATA_MAX_KEYS) {
    throw invalidRequest(
      `Invalid metadata: metadata can have up to ${METADATA_MAX_KEYS} keys, but you passed in ${count} keys.`,
      'metadata',
    );
  }
  return next;
}
