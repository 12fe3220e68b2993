/** The roles of the contract (../shared/contract/README.md, "Authentication and roles"). */
export const ROLES = [
  'ADMIN',
  'REFERENTIAL_MANAGER',
  'SESSION_MANAGER',
  'JURY_MEMBER',
  'CANDIDATE',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from verified claims: `sub`, `roles`, and for a candidate `candidateId`. */
export interface Principal {
  sub: string;
  roles: Role[];
  candidateId?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.includes('ADMIN') || roles.some((role) => principal.roles.includes(role));
}

/** Reads a principal from JWT claims; unknown roles are dropped, never trusted. */
export function principalFromClaims(claims: Record<string, unknown>): Principal | null {
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub === '') return null;
  const roles = Array.isArray(claims['roles']) ? claims['roles'].filter(isRole) : [];
  const candidateId = claims['candidateId'];
  return {
    sub,
    roles,
    ...(typeof candidateId === 'string' && candidateId !== '' ? { candidateId } : {}),
  };
}
