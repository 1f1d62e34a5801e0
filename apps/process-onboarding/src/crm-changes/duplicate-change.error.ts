/** The inbox refused the change: another delivery of it was recorded first. */
export class DuplicateChangeError extends Error {
  override readonly name = 'DuplicateChangeError';

  constructor() {
    super('change recorded already');
  }
}
