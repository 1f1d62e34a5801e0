/** Where the feed reads a company's customers from: a delta token, or a scan from an instant (null: all). */
export type FeedSource = { delta: string } | { since: string | null };

/** What the change feed keeps in the cursor's `token` between pages. */
export interface FeedState {
  /** Per company ID: what the current batch of changes is read from. */
  sources: Record<string, FeedSource>;
  /** While a batch is drained: the delta tokens taken right after it, per company ID. */
  next?: Record<string, string>;
  /** While a batch is drained: when its deletions were first observed. */
  observedAt?: string;
}

export function encodeFeedState(state: FeedState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function isSource(value: unknown): value is FeedSource {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { delta?: unknown; since?: unknown };
  if ('delta' in candidate) return typeof candidate.delta === 'string';
  return (
    candidate.since === null ||
    (typeof candidate.since === 'string' && !Number.isNaN(Date.parse(candidate.since)))
  );
}

const isStringMap = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((entry) => typeof entry === 'string');

/** Undefined for anything this feed did not issue. */
export function decodeFeedState(raw: string): FeedState | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const candidate = parsed as Partial<FeedState> | null;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const sources = candidate.sources;
  if (typeof sources !== 'object' || sources === null || !Object.values(sources).every(isSource))
    return undefined;
  if (candidate.next !== undefined && !isStringMap(candidate.next)) return undefined;
  if (candidate.observedAt !== undefined && Number.isNaN(Date.parse(String(candidate.observedAt))))
    return undefined;
  return {
    sources,
    ...(candidate.next ? { next: candidate.next } : {}),
    ...(candidate.observedAt ? { observedAt: candidate.observedAt } : {}),
  };
}
