/** The roles of the contract (../shared/contract/README.md, "Authentication and roles"). */
export const ROLES = [
  'ADMIN',
  'REFERENTIAL_MANAGER',
  'SESSION_MANAGER',
  'JURY_MEMBER',
  'CANDIDATE',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, from verified claims: `sub`, `roles`, for a candidate `candidateId`, and for a
 * session manager limited to some exam centres, `centers` (contract: "Added in the next release").
 */
export interface Principal {
  sub: string;
  roles: Role[];
  candidateId?: string;
  /** Absent: every centre. Present (even empty): only these. */
  centers?: string[];
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
  const centers = claims['centers'];
  return {
    sub,
    roles,
    ...(typeof candidateId === 'string' && candidateId !== '' ? { candidateId } : {}),
    // A malformed claim limits to nothing rather than to everything.
    ...(centers !== undefined
      ? {
          centers: Array.isArray(centers)
            ? centers.filter((c): c is string => typeof c === 'string')
            : [],
        }
      : {}),
  };
}

/**
 * The exam centres whose sessions this principal manages: null for all of them (ADMIN, or a
 * SESSION_MANAGER without the `centers` claim), else the listed ones.
 */
export function managedCenters(principal: Principal): readonly string[] | null {
  if (principal.roles.includes('ADMIN')) return null;
  return principal.centers ?? null;
}
