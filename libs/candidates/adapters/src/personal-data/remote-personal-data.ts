import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@certif/platform-auth';
import type { PersonalDataContributor, PersonalDataSubject } from '@certif/candidates-application';

export interface RemotePersonalDataOptions {
  /** The section's name in the export, e.g. "issuing". */
  source: string;
  /** The other service's base URL (e.g. http://issuing:4004); undefined while unknown. */
  baseUrl: () => string | undefined;
  internalSecret: string;
  fetch?: typeof fetch;
}

/**
 * Another service's section of the GDPR export, read from its internal route with the candidate's
 * identity signed as the gateway signs it, so that service applies its own access rule. A read,
 * never a write, so this synchronous call does not couple the services' state. Any failure fails
 * the export: an export that silently misses a section would mislead the person who asked.
 */
export class RemotePersonalData implements PersonalDataContributor {
  readonly source: string;

  constructor(private readonly options: RemotePersonalDataOptions) {
    this.source = options.source;
  }

  async collect(subject: PersonalDataSubject): Promise<Record<string, unknown> | null> {
    const base = this.options.baseUrl();
    if (!base) throw new Error(`the ${this.source} service's address is not known yet`);
    const token = await signInternalToken(this.options.internalSecret, {
      sub: subject.sub,
      roles: ['CANDIDATE'],
      candidateId: subject.candidateId,
    });
    const url = `${base.replace(/\/+$/, '')}/internal/personal-data/${encodeURIComponent(subject.candidateId)}`;
    const response = await (this.options.fetch ?? fetch)(url, {
      headers: { [INTERNAL_TOKEN_HEADER]: token },
    });
    if (!response.ok) {
      throw new Error(`${this.source} answered ${response.status} to the personal data export`);
    }
    const body = (await response.json()) as { section?: Record<string, unknown> | null };
    return body.section ?? null;
  }
}
