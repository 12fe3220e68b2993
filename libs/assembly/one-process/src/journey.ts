import { mintToken, type Role } from '@certif/platform-auth';
import { waitFor } from '@certif/platform-events/testing';
import { contractOperations } from './contract-operations';

/** The secret the test platforms sign bearer tokens with. */
export const JOURNEY_JWT_SECRET = 'kafka-journey-secret-that-is-long-enough-for-hs256!';

/**
 * The contract journey's inputs, in one place for every end-to-end spec: a titre of two CCPs,
 * a session at AFPA Sète with two professional jurors, enrolments and a jury that awards.
 */
export const journeyInputs = {
  /** A professional title of two CCPs with a final interview (CreateCertification's input). */
  titleOfTwoCcps: (code: string) => ({
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
  }),
  /** EnrollCandidate's input: continuous training since September 2025. */
  enrollment: (candidateId: string, certificationId: string) => ({
    candidateId,
    certificationId,
    pathway: 'CONTINUOUS_TRAINING',
    startedOn: '2025-09-01',
  }),
  /** PlanSession's input: a full-title session at AFPA Sète, 1–5 June 2026. */
  sessionAtSete: (certificationId: string) => ({
    certificationId,
    scope: 'FULL_TITLE',
    center: 'AFPA Sète',
    startsOn: '2026-06-01',
    endsOn: '2026-06-05',
  }),
  /** The two professional jurors the session needs: [userId, name]. */
  professionalJurors: [
    ['pro-1', 'Juliette Martin'],
    ['pro-2', 'Karim Benali'],
  ] as const,
  /** RecordDeliberation's decisions: the title awarded to every registration, on 5 June 2026. */
  titleAwardedTo: (registrationIds: readonly string[]) =>
    registrationIds.map((registrationId) => ({
      registrationId,
      outcome: 'TITLE_AWARDED',
      finalInterviewPassed: true,
      decidedOn: '2026-06-05',
    })),
};

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
      { input: journeyInputs.titleOfTwoCcps(code) },
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
   * seed), `holders` candidates registered and enrolled (a count, named Ada0 Lovelace…, or their
   * "First Last" names), a session planned with two professional jurors, every candidate
   * registered to it. Returns the candidates and a deliberation to record.
   */
  async prepareDeliberation(
    holders: number | readonly string[],
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
    const names =
      typeof holders === 'number'
        ? Array.from({ length: holders }, (_, i) => `Ada${i} Lovelace`)
        : holders;
    for (const name of names) {
      const [firstName, lastName] = name.split(' ');
      const registered = await this.eventually<{ id: string }>(
        'RegisterCandidate',
        { input: { firstName, lastName } },
        manager,
        'registerCandidate',
      );
      const enrolled = await this.eventually<{ id: string }>(
        'EnrollCandidate',
        { input: journeyInputs.enrollment(registered.id, certification.id) },
        manager,
        'enrollCandidate',
      );
      candidates.push({ candidateId: registered.id, enrollmentId: enrolled.id });
    }
    const session = await this.eventually<{ id: string }>(
      'PlanSession',
      { input: journeyInputs.sessionAtSete(certification.id) },
      manager,
      'planSession',
    );
    for (const [userId, name] of journeyInputs.professionalJurors) {
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
          { sessionId: session.id, decisions: journeyInputs.titleAwardedTo(registrations) },
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

  /** The candidate's parchemins once `check` passes on them (retried while it throws). */
  async credentialsOnce(
    candidateId: string,
    check: (found: { number: string; status: string; verificationCode: string }[]) => void,
  ): Promise<{ number: string; status: string; verificationCode: string }[]> {
    return waitFor(
      async () => {
        const found = await this.credentials(candidateId);
        check(found);
        return found;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
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
