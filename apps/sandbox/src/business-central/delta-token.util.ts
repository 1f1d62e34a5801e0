export interface DeltaToken {
  /** Sandbox epoch: a reset invalidates every token. */
  epoch: string;
  company: string;
  set: string;
  parent: string | null;
  /** Changes after this sequence number are reported. */
  seq: number;
  issuedAt: number;
}

export function encodeDeltaToken(token: DeltaToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodeDeltaToken(raw: string): DeltaToken | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<DeltaToken>;
    if (typeof parsed.epoch !== 'string' || typeof parsed.seq !== 'number' || typeof parsed.set !== 'string')
      return undefined;
    if (typeof parsed.company !== 'string' || typeof parsed.issuedAt !== 'number') return undefined;
    return {
      epoch: parsed.epoch,
      company: parsed.company,
      set: parsed.set,
      parent: parsed.parent ?? null,
      seq: parsed.seq,
      issuedAt: parsed.issuedAt,
    };
  } catch {
    return undefined;
  }
}

export function encodeSkipToken(offset: number, seq: number | null): string {
  return Buffer.from(JSON.stringify({ offset, seq })).toString('base64url');
}

export function decodeSkipToken(raw: string): { offset: number; seq: number | null } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
      offset?: unknown;
      seq?: unknown;
    };
    if (typeof parsed.offset !== 'number' || parsed.offset < 0) return undefined;
    return { offset: parsed.offset, seq: typeof parsed.seq === 'number' ? parsed.seq : null };
  } catch {
    return undefined;
  }
}
