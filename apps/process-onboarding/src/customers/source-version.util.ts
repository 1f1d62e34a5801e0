/** Source versions are instants (a modstamp); compared as instants, not as strings. */
export function compareVersions(left: string, right: string): number {
  const delta = Date.parse(left) - Date.parse(right);
  if (Number.isNaN(delta)) return left.localeCompare(right);
  return Math.sign(delta);
}

export function isOlderVersion(candidate: string, applied: string): boolean {
  return compareVersions(candidate, applied) < 0;
}
