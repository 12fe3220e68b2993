import { hasAnyRole, type Principal } from '@certif/platform-auth';
import { Forbidden, InvalidInput, NotFound } from '@certif/platform-errors';
import type { IssuingDependencies, StoredCredential } from './ports';

const MAX_REASON = 1000;

/**
 * Revocation by a session manager or an admin, with a reason: the record stays (status REVOKED,
 * who, when, why) and issuing.credential.v1 says REVOKED. Verification then answers invalid.
 */
export class CredentialRevocation {
  constructor(private readonly deps: IssuingDependencies) {}

  async revoke(principal: Principal | null, id: string, reason: string): Promise<StoredCredential> {
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
      const credential = await tx.credentials.findById(id);
      if (!credential) throw new NotFound('credential', id);
      const revoked: StoredCredential = {
        ...credential,
        status: 'REVOKED',
        revokedAt: this.deps.clock.now(),
        revokedBy: principal.sub,
        revocationReason: why,
      };
      if (credential.status === 'REVOKED' || !(await tx.credentials.revoke(revoked))) {
        throw new InvalidInput(
          `credential ${credential.number} is already revoked${credential.revokedAt ? ` (since ${credential.revokedAt.toISOString()})` : ''}; nothing to do`,
          'id',
        );
      }
      await tx.events.revoked(revoked);
      return revoked;
    });
  }
}
