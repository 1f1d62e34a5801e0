import { SetMetadata } from '@nestjs/common';

export type Layer = 'experience' | 'process' | 'system';
export type OperatorRole = 'viewer' | 'steward' | 'admin';

export type AuthPolicy =
  | { kind: 'public' }
  | { kind: 'service' }
  | { kind: 'internal' }
  | { kind: 'partner'; scopes: string[] }
  | { kind: 'operator'; role: OperatorRole };

export const AUTH_POLICY = 'concord:auth-policy';

/** Open to anyone: health, metrics and documents only. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_POLICY, { kind: 'public' } satisfies AuthPolicy);

/** Callable only by the layer above, with a service token whose audience is this app's layer. */
export const ServiceAuth = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_POLICY, { kind: 'service' } satisfies AuthPolicy);

/**
 * Callable by whoever sits directly above this app: the layer above (service token) for process and
 * system apps, an operator (viewer or higher) at the experience edge. Used by routes every app shares.
 */
export const InternalAuth = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_POLICY, { kind: 'internal' } satisfies AuthPolicy);

/** Callable by a partner credential holding every listed scope. */
export const PartnerAuth = (...scopes: string[]): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_POLICY, { kind: 'partner', scopes } satisfies AuthPolicy);

/** Callable by an operator whose role is at least `role`. */
export const OperatorAuth = (role: OperatorRole): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_POLICY, { kind: 'operator', role } satisfies AuthPolicy);

export const ROLE_RANK: Record<OperatorRole, number> = { viewer: 1, steward: 2, admin: 3 };

export type Principal =
  | { kind: 'service'; issuer: string }
  | { kind: 'partner'; partnerId: string; credentialId: string; scopes: string[] }
  | { kind: 'operator'; operatorId: string; credentialId: string; role: OperatorRole };
