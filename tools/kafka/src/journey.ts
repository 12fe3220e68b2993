import { mintToken, type Role } from '@certif/platform-auth';
import { waitFor } from '@certif/platform-events/testing';
import { contractOperations } from '@certif/one-process/testing';

/** The secret the test platforms sign bearer tokens with. */
export const JOURNEY_JWT_SECRET = 'kafka-journey-secret-that-is-long-enough-for-hs256!';

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The contract's operations through one gateway. */
export class Journey {
  private readonly operations = contractOperations();

  /** `secret`: the platform's AUTH_JWT_SECRET (HS256 bearer tokens). */
  constructor(
    private readonly gatewayUrl: string,
    private readonly secret: string = JOURNEY_JWT_SECRET,
  ) {}

  token(roles: Role[], claims: { sub?: string; candidateId?: string } = {}): Promise<string> {
    return mintToken({ roles, secret: this.secret, ...claims });
  }

  /** `token` null: an anonymous call. */
  async call(name: string, variables: object, token: string | null): Promise<GraphQLAnswer> {
    const query = this.operations.get(name);
    if (!query) throw new Error(`the contract has no ${name} operation`);
    const response = await fetch(this.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLAnswer;
  }

  /** Calls until the answer has no error: another service may not have the event it needs yet. */
  async eventually<T>(name: string, variables: object, token: string, field: string): Promise<T> {
    return waitFor(
      async () => {
        const answer = await this.call(name, variables, token);
        if (answer.errors?.length) throw new Error(`${name}: ${answer.errors[0]?.message}`);
        return answer.data?.[field] as T;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  }

  /**
   * A professional title of two CCPs with a final interview, created and published as a
   * referential manager would (where no seed certification is loaded, as in production).
   */
  async publishCertification(code: string): Promise<{ id: string }> {
    const manager = await this.token(['REFERENTIAL_MANAGER']);
    const created = await this.eventually<{ id: string }>(
      'CreateCertification',
      {
        input: {
          code,
          title: `Titre ${code}`,
          kind: 'PROFESSIONAL_TITLE',
          level: 5,
          certifier: { name: 'Ministère du Travail' },
          capitalizationRule: 'WITHIN_TITLE_VALIDITY',
          requiresFinalInterview: true,
          components: [
            { code: `${code}-CCP1`, title: 'Première activité', kind: 'CCP' },
            { code: `${code}-CCP2`, title: 'Seconde activité', kind: 'CCP' },
          ],
        },
      },
      manager,
      'createCertification',
    );
    return this.eventually<{ id: string }>(
      'PublishCertification',
      { id: created.id },
      manager,
      'publishCertification',
    );
  }

  /**
   * The contract's journey to a deliberation: the certification `code` (by default the TP-DWWM
   * seed), `count` candidates registered and enrolled, a session planned with two professional
   * jurors, every candidate registered to it. Returns the candidates and a deliberation to record.
   */
  async prepareDeliberation(
    count: number,
    code = 'TP-DWWM',
  ): Promise<{
    candidateIds: string[];
    deliberate: () => Promise<GraphQLAnswer>;
  }> {
    const reader = await this.token(['REFERENTIAL_MANAGER']);
    const manager = await this.token(['SESSION_MANAGER'], { sub: 'centre-sete' });
    const juror = await this.token(['JURY_MEMBER'], { sub: 'pro-1' });
    const certification = await this.eventually<{ id: string }>(
      'CertificationByCode',
      { code },
      reader,
      'certification',
    );
    const candidates: { candidateId: string; enrollmentId: string }[] = [];
    for (let i = 0; i < count; i += 1) {
      const registered = await this.eventually<{ id: string }>(
        'RegisterCandidate',
        { input: { firstName: `Ada${i}`, lastName: 'Lovelace' } },
        manager,
        'registerCandidate',
      );
      const enrolled = await this.eventually<{ id: string }>(
        'EnrollCandidate',
        {
          input: {
            candidateId: registered.id,
            certificationId: certification.id,
            pathway: 'CONTINUOUS_TRAINING',
            startedOn: '2025-09-01',
          },
        },
        manager,
        'enrollCandidate',
      );
      candidates.push({ candidateId: registered.id, enrollmentId: enrolled.id });
    }
    const session = await this.eventually<{ id: string }>(
      'PlanSession',
      {
        input: {
          certificationId: certification.id,
          scope: 'FULL_TITLE',
          center: 'AFPA Sète',
          startsOn: '2026-06-01',
          endsOn: '2026-06-05',
        },
      },
      manager,
      'planSession',
    );
    for (const [userId, name] of [
      ['pro-1', 'Juliette Martin'],
      ['pro-2', 'Karim Benali'],
    ]) {
      await this.eventually(
        'AddJuror',
        { sessionId: session.id, input: { userId, name, role: 'PROFESSIONAL' } },
        manager,
        'addJuror',
      );
    }
    const registrations: string[] = [];
    for (const { enrollmentId } of candidates) {
      const registration = await this.eventually<{ id: string }>(
        'RegisterToSession',
        { sessionId: session.id, enrollmentId },
        manager,
        'registerToSession',
      );
      registrations.push(registration.id);
    }
    return {
      candidateIds: candidates.map((c) => c.candidateId),
      deliberate: () =>
        this.call(
          'RecordDeliberation',
          {
            sessionId: session.id,
            decisions: registrations.map((registrationId) => ({
              registrationId,
              outcome: 'TITLE_AWARDED',
              finalInterviewPassed: true,
              decidedOn: '2026-06-05',
            })),
          },
          juror,
        ),
    };
  }

  /** The parchemins (credentials) of a candidate's record, as the candidate sees them. */
  async credentials(
    candidateId: string,
  ): Promise<{ number: string; status: string; verificationCode: string }[]> {
    const token = await this.token(['CANDIDATE'], { sub: candidateId, candidateId });
    const answer = await this.call('CandidateRecord', { id: candidateId }, token);
    if (answer.errors?.length) throw new Error(answer.errors[0]?.message);
    const candidate = answer.data?.['candidate'] as {
      credentials: { number: string; status: string; verificationCode: string }[];
    } | null;
    return candidate?.credentials ?? [];
  }

  /** What anyone who holds a parchemin's verification code learns (no token needed). */
  async verify(code: string): Promise<{ valid: boolean; status: string; holderName: string }> {
    const answer = await this.call('VerifyCredential', { code }, null);
    if (answer.errors?.length) throw new Error(answer.errors[0]?.message);
    return answer.data?.['verifyCredential'] as {
      valid: boolean;
      status: string;
      holderName: string;
    };
  }
}
