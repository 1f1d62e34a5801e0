import { invalidRequest } from './stripe.errors.js';

type Json = Record<string, unknown>;
export type Resolver = (id: string) => Json | undefined;

function expandPath(node: Json, segments: string[], resolve: Resolver, path: string): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const child = node[head];
  if (Array.isArray(child)) {
    child.forEach((entry, index) => {
      if (rest.length === 0 && typeof entry === 'string') child[index] = resolve(entry) ?? entry;
      else if (typeof entry === 'object' && entry !== null) expandPath(entry as Json, rest, resolve, path);
    });
    return;
  }
  if (rest.length === 0) {
    if (child === undefined) throw invalidRequest(`This property cannot be expanded (${path}).`, 'expand');
    if (typeof child === 'string') node[head] = resolve(child) ?? child;
    return;
  }
  if (typeof child === 'object' && child !== null) expandPath(child as Json, rest, resolve, path);
  else if (child === undefined) throw invalidRequest(`This property cannot be expanded (${path}).`, 'expand');
}

/** Replaces ID strings at the `expand[]` paths with the objects they name. */
export function expand(value: Json, paths: readonly string[], resolve: Resolver): Json {
  if (paths.length === 0) return value;
  const copy = structuredClone(value);
  for (const path of paths) {
    if (path === 'total_count') continue;
    expandPath(copy, path.split('.'), resolve, path);
  }
  return copy;
}
