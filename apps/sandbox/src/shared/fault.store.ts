import { randomBase62 } from './random.util.js';
import { compileRouteMatcher, type RouteMatcher } from './route-matcher.util.js';

export type FaultPhase = 'before' | 'after';

export interface FaultSpec {
  route: string;
  latencyMs?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  probability?: number;
  count?: number;
  hang?: boolean;
  reset?: boolean;
  /** `before` answers without running the vendor logic; `after` runs it, then replaces the answer. */
  phase?: FaultPhase;
}

export interface Fault extends FaultSpec {
  id: string;
  phase: FaultPhase;
  applied: number;
}

interface StoredFault {
  fault: Fault;
  matches: RouteMatcher;
}

export class FaultStore {
  private faults: StoredFault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      ...spec,
      phase: spec.phase ?? 'before',
      id: `flt_${randomBase62(12)}`,
      applied: 0,
    };
    this.faults.push({ fault, matches: compileRouteMatcher(spec.route) });
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((entry) => ({ ...entry.fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((entry) => entry.fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault that targets this call and fires now; its remaining count is consumed. */
  take(methodAndPath: string, phase: FaultPhase): Fault | undefined {
    for (const { fault, matches } of this.faults) {
      if (fault.phase !== phase || !matches(methodAndPath)) continue;
      if (fault.count !== undefined && fault.applied >= fault.count) continue;
      if (fault.probability !== undefined && this.random() >= fault.probability) continue;
      fault.applied += 1;
      return fault;
    }
    return undefined;
  }
}

export function parseFaultSpec(input: unknown): FaultSpec | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'body must be a JSON object';
  const raw = input as Record<string, unknown>;
  const known = [
    'route',
    'latencyMs',
    'status',
    'body',
    'headers',
    'probability',
    'count',
    'hang',
    'reset',
    'phase',
  ];
  const unknown = Object.keys(raw).find((key) => !known.includes(key));
  if (unknown !== undefined) return `unknown property: ${unknown}`;
  if (typeof raw.route !== 'string' || raw.route.length === 0) return 'route must be a non-empty string';
  try {
    compileRouteMatcher(raw.route);
  } catch {
    return 'route is not a valid pattern';
  }
  const spec: FaultSpec = { route: raw.route };
  if (raw.latencyMs !== undefined) {
    if (!isInteger(raw.latencyMs, 0, 600_000)) return 'latencyMs must be an integer between 0 and 600000';
    spec.latencyMs = raw.latencyMs;
  }
  if (raw.status !== undefined) {
    if (!isInteger(raw.status, 100, 599)) return 'status must be an HTTP status code';
    spec.status = raw.status;
  }
  if (raw.probability !== undefined) {
    if (typeof raw.probability !== 'number' || raw.probability < 0 || raw.probability > 1) {
      return 'probability must be a number between 0 and 1';
    }
    spec.probability = raw.probability;
  }
  if (raw.count !== undefined) {
    if (!isInteger(raw.count, 1, Number.MAX_SAFE_INTEGER)) return 'count must be a positive integer';
    spec.count = raw.count;
  }
  if (raw.headers !== undefined) {
    const headers = raw.headers;
    if (
      typeof headers !== 'object' ||
      headers === null ||
      Object.values(headers).some((v) => typeof v !== 'string')
    ) {
      return 'headers must map names to strings';
    }
    spec.headers = headers as Record<string, string>;
  }
  for (const flag of ['hang', 'reset'] as const) {
    if (raw[flag] === undefined) continue;
    if (typeof raw[flag] !== 'boolean') return `${flag} must be a boolean`;
    spec[flag] = raw[flag];
  }
  if (raw.phase !== undefined) {
    if (raw.phase !== 'before' && raw.phase !== 'after') return 'phase must be "before" or "after"';
    spec.phase = raw.phase;
  }
  if (raw.body !== undefined) spec.body = raw.body;
  const effects = [spec.latencyMs, spec.status, spec.hang, spec.reset].filter(
    (v) => v !== undefined && v !== false,
  );
  if (effects.length === 0) return 'a fault needs at least one of latencyMs, status, hang, reset';
  return spec;
}

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
