import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { credentialChanged } from '@certif/issuing-contracts';
import { fixedClock } from '@certif/platform-calendar';
import {
  decodeCloudEvent,
  EmbeddedTransport,
  encodeCloudEvent,
  type CloudEvent,
  type EventDefinition,
} from '@certif/platform-events';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { TypeOrmReadModelRepository } from '@certif/sessions-adapters';
import { ccpAcquired, decisionCorrected, titleAwarded } from '@certif/sessions-contracts';
import type { CertificationView } from '@certif/sessions-domain';
import type { RunningSessionsService } from '@certif/sessions-service';
import {
  startTestPlatform,
  type TestPlatform,
  contractOperationLookup,
  errorCode as code,
  errorMessage as message,
  errorRule as rule,
} from './testing';

jest.setTimeout(120_000);

const op = contractOperationLookup({ next: true });

/** Standard PDF fonts draw WinAnsi codes: Latin-1, except typographic signs in 0x80–0x9f. */
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
};
const winAnsi = (bytes: Buffer) =>
  [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');

/** The text a PDF shows: its content streams' TJ strings, inflated when compressed. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const raw = pdf.subarray(start, source.indexOf('endstream', start));
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(array[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      lines.push(winAnsi(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

interface Registered {
  candidate: { id: string; firstName: string; lastName: string };
  decision: { outcome: string } | null;
}

interface Session {
  id: string;
  status: string;
  scope: string;
  capacity: number | null;
  certification: { id: string; code: string };
  components: { id: string; code: string }[];
}

describeOnEachDatabase('sessions through the gateway', (dialect) => {
  let t: TestPlatform;
  let manager: string;
  let referentialManager: string;
  let admin: string;
  let candidateToken: string;
  const jury: Record<string, string> = {};
  const certificationIds: Record<string, string> = {};
  const componentIds: Record<string, string> = {};
  const candidateIds: Record<string, string> = {};
  const lastNameOf = (candidateId: string) =>
    Object.entries(candidateIds).find(([, id]) => id === candidateId)?.[0];

  const sessionsService = () => t.platform.services['sessions'] as RunningSessionsService;

  /** Publishes an event on the platform's bus as its owning service would. */
  function publish<T>(definition: EventDefinition<T>, payload: T): void {
    const id = randomUUID();
    const event: CloudEvent<T> = {
      specversion: '1.0',
      id,
      type: definition.type,
      source: definition.source, // as its producer would: consumers refuse any other
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: id,
      subject: definition.subject(payload),
      data: payload,
    };
    t.platform.bus.append([
      encodeCloudEvent(event as CloudEvent, {
        topic: definition.topic,
        key: definition.key(payload),
      }),
    ]);
  }

  async function handledBySessions(topic: string): Promise<void> {
    await waitFor(() => expect(t.platform.bus.lag(topic, 'sessions')).toBe(0));
  }

  const readModels = () => new TypeOrmReadModelRepository(sessionsService().dataSource.manager);

  /** A candidate registered through the gateway (candidates service); returns their id. */
  async function candidate(lastName: string): Promise<string> {
    const response = await t.graphql(
      op('RegisterCandidate'),
      { input: { firstName: 'Ada', lastName } },
      manager,
    );
    expect(response.errors).toBeUndefined();
    const id = (response.data?.['registerCandidate'] as { id: string }).id;
    candidateIds[lastName] = id;
    return id;
  }

  /**
   * An enrolment through the gateway, once the candidates service knows the certification, and
   * once its event has reached the sessions read model; returns the enrolment id.
   */
  async function enrol(
    candidateId: string,
    certificationId: string,
    pathway = 'CONTINUOUS_TRAINING',
  ): Promise<string> {
    const input = {
      candidateId,
      certificationId,
      pathway,
      startedOn: '2025-01-06',
      trainingCenter: 'AFPA Montpellier',
    };
    const enrolled = await waitFor(async () => {
      const response = await t.graphql(op('EnrollCandidate'), { input }, manager);
      if (/not known \(yet\)/.test(message(response))) throw new Error(message(response));
      return response;
    });
    expect(enrolled.errors).toBeUndefined();
    const id = (enrolled.data?.['enrollCandidate'] as { id: string }).id;
    await waitFor(async () => expect(await readModels().enrollmentById(id)).not.toBeNull());
    return id;
  }

  /** A new candidate with one enrolment. */
  async function enrolled(
    lastName: string,
    certificationId: string,
    pathway?: string,
  ): Promise<string> {
    return enrol(await candidate(lastName), certificationId, pathway);
  }

  /** Waits until the sessions read model holds the certification as `check` expects. */
  async function synced(
    certificationId: string,
    check: (view: CertificationView) => boolean = () => true,
  ): Promise<void> {
    await waitFor(async () => {
      const [view] = await readModels().certificationsByIds([certificationId]);
      expect(view !== undefined && check(view)).toBe(true);
    });
  }

  async function certification(codeOf: string): Promise<{
    id: string;
    components: { id: string; code: string }[];
    specializations: { id: string }[];
  }> {
    const response = await t.graphql(
      op('CertificationByCode'),
      { code: codeOf },
      referentialManager,
    );
    const found = response.data?.['certification'] as {
      id: string;
      components: { id: string; code: string }[];
      specializations: { id: string }[];
    };
    certificationIds[codeOf] = found.id;
    for (const component of found.components) componentIds[component.code] = component.id;
    return found;
  }

  async function createCertification(codeOf: string, extra: object = {}): Promise<string> {
    const input = {
      code: codeOf,
      title: `Titre ${codeOf}`,
      kind: 'PROFESSIONAL_TITLE',
      level: 5,
      certifier: { name: 'Ministère du Travail' },
      capitalizationRule: 'WITHIN_TITLE_VALIDITY',
      requiresFinalInterview: true,
      components: [
        { code: `${codeOf}-CCP1`, title: 'Première activité', kind: 'CCP' },
        { code: `${codeOf}-CCP2`, title: 'Seconde activité', kind: 'CCP' },
      ],
      ...extra,
    };
    const created = await t.graphql(op('CreateCertification'), { input }, referentialManager);
    const id = (created.data?.['createCertification'] as { id: string }).id;
    await t.graphql(op('PublishCertification'), { id }, referentialManager);
    await certification(codeOf);
    await synced(id);
    return id;
  }

  async function plan(input: Record<string, unknown>, token = manager) {
    return t.graphql<{ planSession: Session }>(
      op('PlanSession'),
      {
        input: {
          scope: 'FULL_TITLE',
          center: 'AFPA Montpellier',
          startsOn: '2026-06-01',
          endsOn: '2026-06-05',
          ...input,
        },
      },
      token,
    );
  }

  async function planned(input: Record<string, unknown>): Promise<Session> {
    const response = await plan(input);
    expect(response.errors).toBeUndefined();
    return response.data?.planSession as Session;
  }

  async function seat(sessionId: string, userId: string, role: string, name = `Juré ${userId}`) {
    return t.graphql(op('AddJuror'), { sessionId, input: { userId, name, role } }, manager);
  }

  async function register(sessionId: string, enrollmentId: string, token = manager) {
    return t.graphql<{
      registerToSession: { id: string; candidate: { id: string; lastName: string } };
    }>(op('RegisterToSession'), { sessionId, enrollmentId }, token);
  }

  async function registered(sessionId: string, enrollmentId: string): Promise<string> {
    const response = await register(sessionId, enrollmentId);
    expect(response.errors).toBeUndefined();
    return (response.data?.registerToSession as { id: string }).id;
  }

  async function deliberate(sessionId: string, decisions: object[], token: string) {
    return t.graphql(op('RecordDeliberation'), { sessionId, decisions }, token);
  }

  beforeAll(async () => {
    // 1 July 2026: the TP-CDA deliberation of 5 June 2026 is in the past, and seed 004
    // (RNCP36912) closed on 29 September 2025 but takes over enrolments started before (History),
    // its grace year running to 29 September 2026 (R5).
    t = await startTestPlatform(dialect, { clock: fixedClock('2026-07-01') });
    manager = await t.token(['SESSION_MANAGER'], { sub: 'centre-montpellier' });
    referentialManager = await t.token(['REFERENTIAL_MANAGER']);
    admin = await t.token(['ADMIN'], { sub: 'admin-1' });
    candidateToken = await t.token(['CANDIDATE'], { sub: 'someone', candidateId: 'someone' });
    for (const sub of ['pro-1', 'pro-2', 'trainer-1', 'pro-9'])
      jury[sub] = await t.token(['JURY_MEMBER'], { sub });
    for (const seed of ['TP-CDA', 'TP-DWWM', 'RNCP36912']) {
      const found = await certification(seed);
      await synced(found.id);
    }
  });
  afterAll(() => t.stop());

  describe('planSession', () => {
    it('plans a FULL_TITLE session: every component of the title, resolved by referentials', async () => {
      const response = await plan({ certificationId: certificationIds['TP-CDA'], capacity: 12 });
      expect(response.errors).toBeUndefined();
      expect(response.data?.planSession).toMatchObject({
        status: 'PLANNED',
        scope: 'FULL_TITLE',
        center: 'AFPA Montpellier',
        startsOn: '2026-06-01',
        endsOn: '2026-06-05',
        capacity: 12,
        certification: { id: certificationIds['TP-CDA'], code: 'TP-CDA' },
        components: [{ code: 'TP-CDA-CCP1' }, { code: 'TP-CDA-CCP2' }, { code: 'TP-CDA-CCP3' }],
      });
    });

    it('plans a COMPONENTS session for given CCPs, and a session in the past (records taken over)', async () => {
      const session = await planned({
        certificationId: certificationIds['TP-CDA'],
        scope: 'COMPONENTS',
        componentIds: [componentIds['TP-CDA-CCP3'], componentIds['TP-CDA-CCP2']],
        startsOn: '2012-03-05',
        endsOn: '2012-03-06',
      });
      expect(session.components.map((c) => c.code)).toEqual(['TP-CDA-CCP2', 'TP-CDA-CCP3']);
    });

    it('CertificationRules: each seed’s jury rule and access routes, as its fiche states them', async () => {
      const rules = async (code: string) =>
        (await t.graphql(op('CertificationRules'), { code }, manager)).data?.['certification'];
      expect(await rules('RNCP36912')).toMatchObject({
        kind: 'RNCP_CERTIFICATION',
        pathways: [
          'INITIAL_TRAINING',
          'APPRENTICESHIP',
          'CONTINUOUS_TRAINING',
          'PROFESSIONALISATION_CONTRACT',
          'VAE',
        ],
        juryRule: {
          minMembers: 3,
          minProfessionals: 2,
          allProfessionals: false,
          requiredRoles: [],
        },
      });
      expect(await rules('TP-DL')).toMatchObject({
        juryRule: {
          minMembers: 2,
          minProfessionals: 1,
          allProfessionals: false,
          requiredRoles: ['PROFESSIONAL', 'TRAINER'],
        },
      });
    });

    it('plans sessions of a closed certification until the end of R5’s grace year, not after', async () => {
      const lastDay = await plan({
        certificationId: certificationIds['RNCP36912'],
        startsOn: '2026-09-28',
        endsOn: '2026-09-29',
      });
      expect(lastDay.errors).toBeUndefined();
      const dayAfter = await plan({
        certificationId: certificationIds['RNCP36912'],
        startsOn: '2026-09-28',
        endsOn: '2026-09-30',
      });
      expect([code(dayAfter), rule(dayAfter)]).toEqual(['BAD_USER_INPUT', 'R5']);
      expect(message(dayAfter)).toMatch(/must end by 2026-09-29/);
      const beforeRegistration = await plan({
        certificationId: certificationIds['RNCP36912'],
        startsOn: '2022-09-28',
        endsOn: '2022-09-30',
      });
      expect([code(beforeRegistration), rule(beforeRegistration)]).toEqual([
        'BAD_USER_INPUT',
        'R12',
      ]);
    });

    it.each`
      case                                      | input                                                             | field
      ${'COMPONENTS without components'}        | ${{ scope: 'COMPONENTS' }}                                        | ${'input.componentIds'}
      ${'a component of another certification'} | ${{ scope: 'COMPONENTS', componentIds: ['not-a-cda-component'] }} | ${'input.componentIds[0]'}
      ${'SPECIALIZATION without its CCS'}       | ${{ scope: 'SPECIALIZATION' }}                                    | ${'input.specializationId'}
      ${'an end before the start'}              | ${{ startsOn: '2026-06-05', endsOn: '2026-06-01' }}               | ${'input.endsOn'}
      ${'no seat'}                              | ${{ capacity: 0 }}                                                | ${'input.capacity'}
      ${'a blank centre'}                       | ${{ center: ' ' }}                                                | ${'input.center'}
    `('BAD_USER_INPUT for $case', async ({ input, field }) => {
      const response = await plan({ certificationId: certificationIds['TP-CDA'], ...input });
      expect(code(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
    });

    it('BAD_USER_INPUT for an impossible date, NOT_FOUND for an unknown certification', async () => {
      expect(
        code(await plan({ certificationId: certificationIds['TP-CDA'], startsOn: '2026-02-30' })),
      ).toBe('BAD_USER_INPUT');
      expect(code(await plan({ certificationId: 'no-such-certification' }))).toBe('NOT_FOUND');
    });

    it('UNAUTHENTICATED without a token, FORBIDDEN for a juror or a candidate', async () => {
      expect(code(await plan({ certificationId: certificationIds['TP-CDA'] }, ''))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        code(await plan({ certificationId: certificationIds['TP-CDA'] }, jury['pro-1'] as string)),
      ).toBe('FORBIDDEN');
      expect(
        code(await plan({ certificationId: certificationIds['TP-CDA'] }, candidateToken)),
      ).toBe('FORBIDDEN');
    });
  });

  describe('addJuror', () => {
    let session: Session;
    beforeAll(async () => {
      session = await planned({ certificationId: certificationIds['TP-CDA'] });
    });

    it('seats jurors and returns the jury', async () => {
      await seat(session.id, 'pro-1', 'PROFESSIONAL', 'Jeanne Martin');
      const response = await seat(session.id, 'trainer-1', 'TRAINER', 'Paul Durand');
      expect(response.errors).toBeUndefined();
      const jurors = (
        response.data?.['addJuror'] as { jurors: { userId: string; name: string; role: string }[] }
      ).jurors;
      expect(jurors.map(({ userId, name, role }) => [userId, name, role])).toEqual([
        ['pro-1', 'Jeanne Martin', 'PROFESSIONAL'],
        ['trainer-1', 'Paul Durand', 'TRAINER'],
      ]);
    });

    it('refuses a person seated twice, a blank name; FORBIDDEN for a juror; NOT_FOUND for an unknown session', async () => {
      const twice = await seat(session.id, 'pro-1', 'TRAINER');
      expect([code(twice), rule(twice)]).toEqual(['BAD_USER_INPUT', 'duplicate']);
      const blank = await seat(session.id, 'pro-2', 'PROFESSIONAL', '  ');
      expect([code(blank), blank.errors?.[0]?.extensions?.['field']]).toEqual([
        'BAD_USER_INPUT',
        'input.name',
      ]);
      const byJuror = await t.graphql(
        op('AddJuror'),
        { sessionId: session.id, input: { userId: 'x', name: 'X', role: 'PROFESSIONAL' } },
        jury['pro-1'],
      );
      expect(code(byJuror)).toBe('FORBIDDEN');
      expect(code(await seat('no-such-session', 'pro-2', 'PROFESSIONAL'))).toBe('NOT_FOUND');
    });
  });

  describe('registerToSession: eligibility (DOMAIN.md)', () => {
    it('registers an enrolment in the session’s certification, once', async () => {
      const session = await planned({ certificationId: certificationIds['TP-CDA'] });
      const enrollmentId = await enrolled('Registered', certificationIds['TP-CDA'] as string);
      const response = await register(session.id, enrollmentId);
      expect(response.errors).toBeUndefined();
      expect(response.data?.registerToSession).toMatchObject({
        candidate: { id: candidateIds['Registered'], lastName: 'Registered' },
        session: { id: session.id },
      });
      const again = await register(session.id, enrollmentId);
      expect([code(again), rule(again)]).toEqual(['BAD_USER_INPUT', 'duplicate']);
    });

    it('lineage: refuses another certification; accepts an older version of the lineage (R4)', async () => {
      const session = await planned({ certificationId: certificationIds['TP-CDA'] });
      const other = await register(
        session.id,
        await enrolled('OtherTitle', certificationIds['TP-DWWM'] as string),
      );
      expect([code(other), rule(other)]).toEqual(['BAD_USER_INPUT', 'lineage']);

      const oldId = await createCertification('TP-E2E-OLD');
      const oldEnrollment = await enrolled('OldVersion', oldId);
      const revised = await t.graphql(
        op('ReviseCertification'),
        {
          id: oldId,
          input: {
            code: 'TP-E2E-NEW',
            components: [{ code: 'NEW-CCP1', title: 'Tout', kind: 'CCP' }],
            correspondences: [{ from: ['TP-E2E-OLD-CCP1', 'TP-E2E-OLD-CCP2'], to: 'NEW-CCP1' }],
          },
        },
        referentialManager,
      );
      const newId = (revised.data?.['reviseCertification'] as { id: string }).id;
      await synced(newId, (view) => view.revisesId === oldId);
      const newSession = await planned({ certificationId: newId });
      expect(await register(newSession.id, oldEnrollment)).not.toHaveProperty('errors');
    });

    it('R6: a VAE enrolment needs its recevabilité', async () => {
      const session = await planned({ certificationId: certificationIds['TP-CDA'] });
      const enrollmentId = await enrolled('Vae', certificationIds['TP-CDA'] as string, 'VAE');
      const refused = await register(session.id, enrollmentId);
      expect([code(refused), rule(refused)]).toEqual(['BAD_USER_INPUT', 'R6']);
      expect(message(refused)).toMatch(/recevabilité/);
      const notice = {
        noticeNumber: 'DREETS-OCC-2025-42',
        issuedOn: '2025-01-15',
        issuedBy: 'DREETS Occitanie',
        experienceYears: 4,
      };
      const recorded = await t.graphql(
        op('RecordVaeAdmissibility'),
        { enrollmentId, input: notice },
        manager,
      );
      expect(recorded.errors).toBeUndefined();
      await waitFor(async () =>
        expect((await readModels().enrollmentById(enrollmentId))?.vaeAdmissibility).not.toBeNull(),
      );
      expect(await register(session.id, enrollmentId)).not.toHaveProperty('errors');
    });

    it('R7: a CCS session needs a valid parchemin of the title', async () => {
      const titleId = await createCertification('TP-E2E-CCS', {
        specializations: [{ code: 'E2E-CCS1', title: 'Spécialisation' }],
      });
      const ccs = (await certification('TP-E2E-CCS')).specializations[0]?.id;
      const session = await planned({
        certificationId: titleId,
        scope: 'SPECIALIZATION',
        specializationId: ccs,
      });
      expect(session.components).toEqual([]);
      const enrollmentId = await enrolled('Specialist', titleId);
      const refused = await register(session.id, enrollmentId);
      expect([code(refused), rule(refused)]).toEqual(['BAD_USER_INPUT', 'R7']);

      // As the issuing service announces a parchemin of the title.
      publish(credentialChanged, {
        change: 'ISSUED',
        candidateId: candidateIds['Specialist'] as string,
        credential: {
          id: randomUUID(),
          number: 'TP-2025-000042',
          certificationId: titleId,
          specializationId: null,
          status: 'VALID',
          issuedOn: '2025-03-01',
        },
      });
      await handledBySessions(credentialChanged.topic);
      expect(await register(session.id, enrollmentId)).not.toHaveProperty('errors');
    });

    it('capacity: the last seat is taken, the next registration is refused', async () => {
      const session = await planned({ certificationId: certificationIds['TP-CDA'], capacity: 1 });
      await registered(
        session.id,
        await enrolled('FirstSeat', certificationIds['TP-CDA'] as string),
      );
      const full = await register(
        session.id,
        await enrolled('NoSeat', certificationIds['TP-CDA'] as string),
      );
      expect([code(full), rule(full)]).toEqual(['BAD_USER_INPUT', 'capacity']);
    });

    it('R12 and R5: after the end of registration, only a holder of a component, and only for a year', async () => {
      const rncp = certificationIds['RNCP36912'] as string;
      const before = await planned({
        certificationId: rncp,
        scope: 'COMPONENTS',
        componentIds: [componentIds['RNCP36912BC01']],
        startsOn: '2025-06-02',
        endsOn: '2025-06-03',
      });
      // 004: « trois membres dont deux professionnels » (R9).
      await seat(before.id, 'oc-pro-1', 'PROFESSIONAL');
      await seat(before.id, 'oc-pro-2', 'PROFESSIONAL');
      await seat(before.id, 'oc-lead', 'TEACHER');
      const holder = await enrolled('Holder', rncp);
      const registrationId = await registered(before.id, holder);
      const decided = await deliberate(
        before.id,
        [
          {
            registrationId,
            outcome: 'COMPONENTS_AWARDED',
            awardedComponentIds: [componentIds['RNCP36912BC01']],
            decidedOn: '2025-06-03',
          },
        ],
        admin,
      );
      expect(decided.errors).toBeUndefined();

      const grace = await planned({
        certificationId: rncp,
        startsOn: '2026-09-28',
        endsOn: '2026-09-29',
      });
      const newcomer = await register(grace.id, await enrolled('Newcomer', rncp));
      expect([code(newcomer), rule(newcomer)]).toEqual(['BAD_USER_INPUT', 'R12']);
      expect(await register(grace.id, holder)).not.toHaveProperty('errors');

      // A session planned while the title was open, which closed afterwards: past R5's year.
      const closing = await createCertification('TP-E2E-R5');
      const late = await planned({
        certificationId: closing,
        startsOn: '2027-06-01',
        endsOn: '2027-06-02',
      });
      const lateEnrollment = await enrolled('Late', closing);
      await t.graphql(
        op('CloseCertification'),
        { id: closing, closedOn: '2026-01-01' },
        referentialManager,
      );
      await synced(closing, (view) => view.registeredUntil === '2026-01-01');
      const tooLate = await register(late.id, lateEnrollment);
      expect([code(tooLate), rule(tooLate)]).toEqual(['BAD_USER_INPUT', 'R5']);
    });

    it('refuses a deliberated session, NOT_FOUND for an unknown enrolment or session, FORBIDDEN for a juror', async () => {
      const session = await planned({
        certificationId: certificationIds['TP-DWWM'],
        startsOn: '2024-01-08',
        endsOn: '2024-01-09',
      });
      await seat(session.id, 'pro-1', 'PROFESSIONAL');
      await seat(session.id, 'pro-2', 'PROFESSIONAL');
      const registrationId = await registered(
        session.id,
        await enrolled('OnTime', certificationIds['TP-DWWM'] as string),
      );
      expect(
        (
          await deliberate(
            session.id,
            [{ registrationId, outcome: 'ABSENT', decidedOn: '2024-01-09' }],
            jury['pro-1'],
          )
        ).errors,
      ).toBeUndefined();
      const late = await register(
        session.id,
        await enrolled('TooLate', certificationIds['TP-DWWM'] as string),
      );
      expect([code(late), rule(late)]).toEqual(['BAD_USER_INPUT', 'session-status']);
      expect(code(await register(session.id, 'no-such-enrolment'))).toBe('NOT_FOUND');
      expect(code(await register('no-such-session', 'no-such-enrolment'))).toBe('NOT_FOUND');
      expect(code(await register(session.id, 'no-such-enrolment', jury['pro-1']))).toBe(
        'FORBIDDEN',
      );
    });
  });

  describe('recordDeliberation, session, and the procès-verbal', () => {
    let session: Session;
    const registrationIds: Record<string, string> = {};
    const observed: CloudEvent[] = [];
    let observer: EmbeddedTransport;

    beforeAll(async () => {
      observer = new EmbeddedTransport({ bus: t.platform.bus });
      await observer.subscribe(
        [ccpAcquired.topic, titleAwarded.topic, decisionCorrected.topic],
        'e2e-observer',
        async (msg) => {
          observed.push(decodeCloudEvent(msg));
        },
      );
      session = await planned({ certificationId: certificationIds['TP-CDA'], center: 'AFPA Sète' });
      await seat(session.id, 'pro-1', 'PROFESSIONAL', 'Jeanne Martin');
      for (const lastName of ['Hopper', 'Lamarr', 'Noether']) {
        registrationIds[lastName] = await registered(
          session.id,
          await enrolled(lastName, certificationIds['TP-CDA'] as string),
        );
      }
    });
    afterAll(() => observer.stop());

    const decisions = () => [
      {
        registrationId: registrationIds['Hopper'],
        outcome: 'TITLE_AWARDED',
        finalInterviewPassed: true,
        decidedOn: '2026-06-05',
      },
      {
        registrationId: registrationIds['Lamarr'],
        outcome: 'COMPONENTS_AWARDED',
        awardedComponentIds: [componentIds['TP-CDA-CCP2']],
        decidedOn: '2026-06-05',
      },
      { registrationId: registrationIds['Noether'], outcome: 'ABSENT', decidedOn: '2026-06-01' },
    ];

    it('lets only the session’s jurors and session managers read it', async () => {
      const byManager = await t.graphql(op('Session'), { id: session.id }, manager);
      expect(byManager.errors).toBeUndefined();
      expect(byManager.data?.['session']).toMatchObject({
        status: 'PLANNED',
        center: 'AFPA Sète',
        certification: { code: 'TP-CDA', title: 'Concepteur développeur d’applications' },
        jurors: [{ name: 'Jeanne Martin', role: 'PROFESSIONAL' }],
      });
      const registrations = (byManager.data?.['session'] as { registrations: Registered[] })
        .registrations;
      expect(
        registrations.map((r) => [r.candidate.firstName, r.candidate.lastName, r.decision]).sort(),
      ).toEqual([
        ['Ada', 'Hopper', null],
        ['Ada', 'Lamarr', null],
        ['Ada', 'Noether', null],
      ]);
      expect(registrations.find((r) => r.candidate.lastName === 'Hopper')?.candidate.id).toBe(
        candidateIds['Hopper'],
      );
      expect(
        (await t.graphql(op('Session'), { id: session.id }, jury['pro-1'])).errors,
      ).toBeUndefined();
      expect(code(await t.graphql(op('Session'), { id: session.id }, jury['pro-9']))).toBe(
        'FORBIDDEN',
      );
      expect(code(await t.graphql(op('Session'), { id: session.id }, candidateToken))).toBe(
        'FORBIDDEN',
      );
      expect(
        (await t.graphql(op('Session'), { id: 'no-such-session' }, manager)).data?.['session'],
      ).toBeNull();
    });

    it('R9: a titre professionnel jury needs two members, all PROFESSIONAL; the refusal carries the rule', async () => {
      const refused = await deliberate(session.id, decisions(), jury['pro-1'] as string);
      expect([code(refused), rule(refused)]).toEqual(['BAD_USER_INPUT', 'R9']);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        juryRule: { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] },
        violations: expect.arrayContaining([expect.objectContaining({ part: 'minMembers' })]),
      });
      await seat(session.id, 'pro-2', 'PROFESSIONAL', 'Lucie Bernard');
    });

    it('only a juror of the session or an admin deliberates', async () => {
      expect(code(await deliberate(session.id, decisions(), manager))).toBe('FORBIDDEN');
      expect(code(await deliberate(session.id, decisions(), jury['pro-9'] as string))).toBe(
        'FORBIDDEN',
      );
      expect(code(await deliberate('no-such-session', decisions(), admin))).toBe('NOT_FOUND');
    });

    it.each`
      case                                         | change                                                                                                                    | text
      ${'a registration left undecided'}           | ${(d: object[]) => d.slice(0, 2)}                                                                                         | ${/missing: /}
      ${'a component outside the session’s scope'} | ${(d: object[]) => [d[0], { ...d[1], awardedComponentIds: ['RNCP-BC'] }, d[2]]}                                           | ${/not assessed by this session/}
      ${'NOT_AWARDED listing components'}          | ${(d: object[]) => [d[0], d[1], { ...d[2], outcome: 'NOT_AWARDED', awardedComponentIds: [componentIds['TP-CDA-CCP1']] }]} | ${/NOT_AWARDED awards nothing/}
      ${'a decision before the session starts'}    | ${(d: object[]) => [d[0], d[1], { ...d[2], decidedOn: '2026-05-31' }]}                                                    | ${/before the session starts/}
    `('BAD_USER_INPUT for $case, and nothing is recorded', async ({ change, text }) => {
      const response = await deliberate(session.id, change(decisions()), jury['pro-1'] as string);
      expect(code(response)).toBe('BAD_USER_INPUT');
      expect(message(response)).toMatch(text);
    });

    it('records every decision in one call; the session is DELIBERATED', async () => {
      const response = await deliberate(session.id, decisions(), jury['pro-2'] as string);
      expect(response.errors).toBeUndefined();
      const deliberated = response.data?.['recordDeliberation'] as {
        status: string;
        registrations: { candidate: { id: string }; decision: unknown }[];
      };
      expect(deliberated.status).toBe('DELIBERATED');
      expect(
        Object.fromEntries(
          deliberated.registrations.map((r) => [lastNameOf(r.candidate.id), r.decision]),
        ),
      ).toEqual({
        Hopper: {
          outcome: 'TITLE_AWARDED',
          awardedComponents: [
            { code: 'TP-CDA-CCP1' },
            { code: 'TP-CDA-CCP2' },
            { code: 'TP-CDA-CCP3' },
          ],
          finalInterviewPassed: true,
          decidedOn: '2026-06-05',
        },
        Lamarr: {
          outcome: 'COMPONENTS_AWARDED',
          awardedComponents: [{ code: 'TP-CDA-CCP2' }],
          finalInterviewPassed: null,
          decidedOn: '2026-06-05',
        },
        Noether: {
          outcome: 'ABSENT',
          awardedComponents: [],
          finalInterviewPassed: null,
          decidedOn: '2026-06-01',
        },
      });
    });

    it('deliberates once: a second record is refused and changes nothing', async () => {
      const again = await deliberate(
        session.id,
        decisions().map((d) => ({
          ...d,
          outcome: 'NOT_AWARDED',
          awardedComponentIds: null,
          finalInterviewPassed: null,
        })),
        admin,
      );
      expect(code(again)).toBe('BAD_USER_INPUT');
      const read = await t.graphql(op('Session'), { id: session.id }, jury['pro-1']);
      const outcomes = (
        read.data?.['session'] as { registrations: { decision: { outcome: string } }[] }
      ).registrations.map((r) => r.decision.outcome);
      expect(outcomes.sort()).toEqual(['ABSENT', 'COMPONENTS_AWARDED', 'TITLE_AWARDED']);
    });

    it('the deliberation’s events reach a subscriber through the event backbone', async () => {
      const ofSession = () =>
        observed.filter((e) => (e.data as { sessionId: string }).sessionId === session.id);
      await waitFor(() => expect(ofSession()).toHaveLength(5));
      expect(ofSession().filter((e) => e.type === decisionCorrected.type)).toEqual([]);
      const summary = ofSession()
        .map((e) => {
          const data = e.data as { candidateId: string; componentCode?: string };
          return `${e.type} ${lastNameOf(data.candidateId)} ${data.componentCode ?? ''}`.trim();
        })
        .sort();
      expect(summary).toEqual([
        'certif.sessions.ccp-acquired.v1 Hopper TP-CDA-CCP1',
        'certif.sessions.ccp-acquired.v1 Hopper TP-CDA-CCP2',
        'certif.sessions.ccp-acquired.v1 Hopper TP-CDA-CCP3',
        'certif.sessions.ccp-acquired.v1 Lamarr TP-CDA-CCP2',
        'certif.sessions.title-awarded.v1 Hopper',
      ]);
      expect(ofSession().find((e) => e.type === titleAwarded.type)?.data).toMatchObject({
        registrationId: registrationIds['Hopper'],
        certificationId: certificationIds['TP-CDA'],
        outcome: 'TITLE_AWARDED',
        finalInterviewPassed: true,
        scope: 'FULL_TITLE',
        decidedOn: '2026-06-05',
      });
    });

    it('R9: correctDecision supersedes a decision, keeps the trail, and publishes decision-corrected', async () => {
      const input = {
        outcome: 'COMPONENTS_AWARDED',
        awardedComponentIds: [componentIds['TP-CDA-CCP3']],
        decidedOn: '2026-06-05',
        reason: 'CCP2 et CCP3 inversés',
      };
      const correct = (token: string, change: object = {}) =>
        t.graphql(
          op('CorrectDecision'),
          { registrationId: registrationIds['Lamarr'], input: { ...input, ...change } },
          token,
        );
      expect(code(await correct(manager))).toBe('FORBIDDEN');
      expect(code(await correct(jury['pro-9'] as string))).toBe('FORBIDDEN');
      const noReason = await correct(jury['pro-1'] as string, { reason: ' ' });
      expect([code(noReason), noReason.errors?.[0]?.extensions?.['field']]).toEqual([
        'BAD_USER_INPUT',
        'input.reason',
      ]);
      const future = await correct(jury['pro-1'] as string, { decidedOn: '2026-07-02' });
      expect(message(future)).toMatch(/in the future/);

      const corrected = await correct(jury['pro-1'] as string);
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data?.['correctDecision']).toEqual({
        id: registrationIds['Lamarr'],
        decision: {
          outcome: 'COMPONENTS_AWARDED',
          awardedComponents: [{ code: 'TP-CDA-CCP3' }],
          finalInterviewPassed: null,
          decidedOn: '2026-06-05',
        },
        decisionHistory: [
          {
            outcome: 'COMPONENTS_AWARDED',
            awardedComponents: [{ code: 'TP-CDA-CCP2' }],
            decidedOn: '2026-06-05',
            correctedOn: '2026-07-01',
            reason: 'CCP2 et CCP3 inversés',
          },
          {
            outcome: 'COMPONENTS_AWARDED',
            awardedComponents: [{ code: 'TP-CDA-CCP3' }],
            decidedOn: '2026-06-05',
            correctedOn: null,
            reason: null,
          },
        ],
      });
      await waitFor(() =>
        expect(observed.filter((e) => e.type === decisionCorrected.type)).toHaveLength(1),
      );
      expect(observed.find((e) => e.type === decisionCorrected.type)?.data).toMatchObject({
        registrationId: registrationIds['Lamarr'],
        awardedComponents: [{ componentCode: 'TP-CDA-CCP3' }],
        withdrawnComponents: [{ componentCode: 'TP-CDA-CCP2' }],
        reason: 'CCP2 et CCP3 inversés',
        correctedOn: '2026-07-01',
      });
      // The session stays DELIBERATED (its corrections window is open).
      const read = await t.graphql(op('Session'), { id: session.id }, manager);
      expect((read.data?.['session'] as { status: string }).status).toBe('DELIBERATED');
    });

    describe('GET /sessions/:id/proces-verbal.pdf on the sessions service', () => {
      const url = (id: string) =>
        sessionsService().url.replace(/\/graphql$/, `/sessions/${id}/proces-verbal.pdf`);
      const get = (id: string, token?: string) =>
        fetch(url(id), token ? { headers: { authorization: `Bearer ${token}` } } : {});

      it('serves the record to the session’s jurors and to session managers', async () => {
        for (const token of [jury['pro-1'] as string, manager]) {
          const response = await get(session.id, token);
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toBe('application/pdf');
          expect(response.headers.get('content-disposition')).toBe(
            `inline; filename="proces-verbal-${session.id}.pdf"`,
          );
          const pdf = Buffer.from(await response.arrayBuffer());
          expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
          const text = pdfText(pdf);
          for (const expected of [
            'Procès-verbal de délibération du jury',
            'Certification : TP-CDA — Concepteur développeur d’applications',
            'AFPA Sète',
            'du 01/06/2026 au 05/06/2026',
            'Jeanne Martin (professionnel, PROFESSIONAL)',
            'Lucie Bernard (professionnel, PROFESSIONAL)',
            'Ada Hopper',
            `Ada Hopper — candidat ${candidateIds['Hopper']}`,
            'TITLE_AWARDED',
            'Composantes attribuées : TP-CDA-CCP1, TP-CDA-CCP2, TP-CDA-CCP3',
            'Ada Lamarr',
            'Composantes attribuées : TP-CDA-CCP3',
            'Décision remplacée : COMPONENTS_AWARDED',
            'Ada Noether',
            'ABSENT',
            'Entretien final : réussi',
            'le 05/06/2026',
          ]) {
            expect(text).toContain(expected);
          }
        }
      });

      it('401 without or with an invalid token, 403 for others, 404 unknown, 409 before deliberation', async () => {
        expect((await get(session.id)).status).toBe(401);
        expect((await get(session.id, 'not.a.jwt')).status).toBe(401);
        expect((await get(session.id, jury['pro-9'])).status).toBe(403);
        expect((await get(session.id, candidateToken)).status).toBe(403);
        expect((await get('no-such-session', admin)).status).toBe(404);
        const pending = await planned({ certificationId: certificationIds['TP-CDA'] });
        expect((await get(pending.id, manager)).status).toBe(409);
      });
    });
  });
});
