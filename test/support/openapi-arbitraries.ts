import fc from 'fast-check';
import { type OpenApiDocument, resolveSchema, type SchemaObject } from './openapi.js';

/** An object written key by key, so keys like `__proto__` reach the wire as own JSON members. */
export class RawObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}
/** Text sent as the body as is: truncated or otherwise broken JSON. */
export class RawText {
  constructor(readonly text: string) {}
}

export const POLLUTION_MARKER = 'concordFuzzPolluted';
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', '$where'];
const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0644\u0627',
  '💥'.repeat(80),
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00%2e%2e',
  '${jndi:ldap://x}',
  '1e309',
  '-0',
  'NaN',
  'true',
  'null',
];

export function toJsonText(value: unknown): string {
  if (value instanceof RawText) return value.text;
  if (value instanceof RawObject)
    return `{${value.entries.map(([key, member]) => `${JSON.stringify(key)}:${toJsonText(member)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value && typeof value === 'object') return toJsonText(new RawObject(Object.entries(value)));
  return JSON.stringify(value) ?? 'null';
}

function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Strings a careless parser trips on: unicode of every kind, control characters, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 2000, maxLength: 6000 }),
);
/** Hostile strings that can still be written into a URL. */
export const hostileUrlString = hostileString.filter(encodable);

const junkTree = fc.letrec<{ junk: unknown }>((tie) => ({
  junk: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0, 1e300),
    hostileString,
    fc.array(tie('junk'), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie('junk')), {
        maxLength: 4,
      })
      .map((entries) => new RawObject(entries)),
  ),
}));
/** Any JSON at all, nested, with prototype-pollution keys among the object members. */
export const junk: fc.Arbitrary<unknown> = junkTree.junk;

const pollution = fc.constantFrom(
  new RawObject([['__proto__', new RawObject([[POLLUTION_MARKER, true]])]]),
  new RawObject([['constructor', new RawObject([['prototype', new RawObject([[POLLUTION_MARKER, true]])]])]]),
);

/** A value that fits the schema's declared type and bounds (it may still break other rules). */
export function validish(document: OpenApiDocument, raw: SchemaObject, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveSchema(document, raw);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const example = schema.example === undefined ? [] : [fc.constant(schema.example)];
  switch (schema.type ?? 'object') {
    case 'string': {
      if (schema.format === 'uuid') return fc.oneof(...example, fc.uuid());
      if (schema.format === 'date-time')
        return fc.date({ noInvalidDate: true, min: new Date(0) }).map((date) => date.toISOString());
      const maxLength = Math.min(schema.maxLength ?? 60, 300);
      return fc.oneof(
        ...example,
        fc.string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength }),
      );
    }
    case 'integer':
      return fc.oneof(...example, fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 }));
    case 'number':
      return fc.double({ noNaN: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? validish(document, schema.items, depth + 1) : junk, { maxLength: 3 });
    default:
      break;
  }
  if (schema.properties && depth < 4) {
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, member] of Object.entries(schema.properties))
      members[name] = validish(document, member, depth + 1);
    return fc.record(members, { requiredKeys: schema.required ?? [] });
  }
  if (schema.additionalProperties) return fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 3 });
  return junk;
}

/** What a field receives: mostly values of its type, else hostile strings or junk of any type. */
function fieldValue(document: OpenApiDocument, schema: SchemaObject): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validish(document, schema), weight: 3 },
    { arbitrary: hostileString, weight: 2 },
    { arbitrary: junk, weight: 1 },
  );
}

/**
 * Request bodies for a schema: valid-ish ones, the documented example with one field replaced,
 * removed or joined by an unknown or prototype-pollution member, junk of the wrong type, and broken JSON.
 */
export function bodyArbitrary(
  document: OpenApiDocument,
  raw: SchemaObject,
  example: unknown,
): fc.Arbitrary<unknown> {
  const schema = resolveSchema(document, raw);
  const base = (example ?? schema.example ?? {}) as Record<string, unknown>;
  const fields = Object.keys(schema.properties ?? {});
  const mutated =
    fields.length === 0
      ? fc.constant(base)
      : fc.tuple(fc.constantFrom(...fields), fc.nat(3)).chain(([field, how]): fc.Arbitrary<unknown> => {
          const { [field]: _removed, ...rest } = base;
          if (how === 0) return fc.constant(rest);
          if (how === 1)
            return fc
              .tuple(fc.constantFrom(...HOSTILE_KEYS, 'unknownField'), junk)
              .map(([key, value]) => new RawObject([...Object.entries(base), [key, value]]));
          return fieldValue(document, schema.properties![field]!).map((value) => ({
            ...base,
            [field]: value,
          }));
        });
  return fc.oneof(
    validish(document, schema),
    mutated,
    pollution.map((poison) => new RawObject([...Object.entries(base), ...poison.entries])),
    junk,
    fc
      .nat(Math.max(0, toJsonText(base).length - 1))
      .map((cut) => new RawText(toJsonText(base).slice(0, cut))),
  );
}

/** A query value: of its type (repeated for arrays), hostile, repeated, or a nested `name[key]` form. */
export function queryValueArbitrary(
  document: OpenApiDocument,
  schema: SchemaObject,
): fc.Arbitrary<string[] | Record<string, string>> {
  const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  return fc.oneof(
    validish(document, schema).map((value) => (Array.isArray(value) ? value.map(text) : [text(value)])),
    hostileUrlString.map((value) => [value]),
    fc.array(hostileUrlString, { minLength: 2, maxLength: 3 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', '0'), hostileUrlString, { maxKeys: 2 }),
  );
}

/** `name=value` pairs, arrays repeated and objects in bracket form, as qs and browsers write them. */
export function queryString(values: Partial<Record<string, string[] | Record<string, string>>>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (Array.isArray(value))
      for (const item of value) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(item)}`);
    else
      for (const [key, item] of Object.entries(value))
        parts.push(`${encodeURIComponent(`${name}[${key}]`)}=${encodeURIComponent(item)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
