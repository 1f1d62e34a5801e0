/** Health and admin routes belong to the sandbox itself: no vendor auth, limits, faults or call counting. */
export function isControlPath(url: string): boolean {
  return url.startsWith('/__admin') || url.startsWith('/health/');
}

export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
