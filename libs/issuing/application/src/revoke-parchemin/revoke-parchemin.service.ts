import { hasAnyRole, type Principal } from '@certif/platform-auth';
import { Forbidden, InvalidInput, NotFound } from '@certif/platform-errors';
import type { Parchemin } from '@certif/issuing-domain';
import type { IssuingDependencies } from '../ports';

const MAX_REASON = 1000;

export interface RevokeParchemin {
  id: string;
  reason: string;
}

/**
 * Revocation by a session manager or an admin, with a reason: the record stays (status REVOKED,
 * who, when, why) and issuing.credential.v1 says REVOKED. Verification then answers invalid.
 * (Messages say "credential": the public name of a parchemin in the API.)
 */
export class RevokeParcheminService {
  constructor(private readonly deps: IssuingDependencies) {}

  async execute({ id, reason }: RevokeParchemin, principal: Principal | null): Promise<Parchemin> {
    if (!principal || !hasAnyRole(principal, ['SESSION_MANAGER'])) {
      throw new Forbidden('Revoking a credential needs one of the roles SESSION_MANAGER, ADMIN');
    }
    const why = reason.trim();
    if (why.length === 0) {
      throw new InvalidInput(
        'give the reason for the revocation: it is kept with the record',
        'reason',
      );
    }
    if (why.length > MAX_REASON) {
      throw new InvalidInput(
        `the reason is ${why.length} characters long; keep it under ${MAX_REASON}`,
        'reason',
      );
    }
    return this.deps.unitOfWork.transaction(async (tx) => {
      const parchemin = await tx.parchemins.findById(id);
      if (!parchemin) throw new NotFound('credential', id);
      const revoked: Parchemin = {
        ...parchemin,
        status: 'REVOKED',
        revokedAt: this.deps.clock.now(),
        revokedBy: principal.sub,
        revocationReason: why,
      };
      if (parchemin.status === 'REVOKED' || !(await tx.parchemins.revoke(revoked))) {
        throw new InvalidInput(
          `credential ${parchemin.number} is already revoked${parchemin.revokedAt ? ` (since ${parchemin.revokedAt.toISOString()})` : ''}; nothing to do`,
          'id',
        );
      }
      await tx.events.revoked(revoked);
      return revoked;
    });
  }
}
