// Test support for the issuing service: events as the other contexts publish them, fed to a bus,
// and the service started whole on a scratch database.
import { randomBytes, randomUUID } from 'node:crypto';
import { mintToken, type Role } from '@certif/platform-auth';
import type { Clock, LocalDate } from '@certif/platform-calendar';
import {
  checkPayload,
  decodeCloudEvent,
  EmbeddedBus,
  encodeCloudEvent,
  type EventDefinition,
  type EventPayload,
  type TransportMessage,
} from '@certif/platform-events';
import { waitFor } from '@certif/platform-events/testing';
import { createLogger } from '@certif/platform-observability';
import { scratchStorage, type TestDialect } from '@certif/platform-persistence/testing';
import type { CertificationVersion } from '@certif/issuing-domain';
import { CredentialRow } from '@certif/issuing-adapters';
import { candidateChanged } from '@certif/candidates-contracts';
import { certificationChanged } from '@certif/referentials-contracts';
import { ccpAcquired, decisionCorrected, titleAwarded } from '@certif/sessions-contracts';
import {
  startIssuingService,
  type IssuingSettings,
  type RunningIssuingService,
} from './issuing-service';

/**
 * A binary-mode record of an event, as the relay of its producer would send it: from the source
 * the contract names for its topic (consumers dead-letter any other).
 */
export function eventMessage<T>(
  definition: EventDefinition<T>,
  payload: T,
  id: string = randomUUID(),
): TransportMessage {
  const checked = checkPayload(definition, payload);
  if (!checked.success) throw new Error(`${definition.type}: ${checked.problems}`);
  return encodeCloudEvent(
    {
      specversion: '1.0',
      id,
      type: definition.type,
      source: definition.source,
      time: new Date().toISOString(),
      subject: definition.subject(checked.data),
      datacontenttype: 'application/json',
      correlationid: id,
      data: checked.data,
    },
    { topic: definition.topic, key: definition.key(checked.data) },
  );
}

/** referentials.certification.v1 for a version (see SEED_VERSIONS in the domain's testing). */
export function certificationEvent(
  version: CertificationVersion,
  change: 'PUBLISHED' | 'REVISED' | 'CLOSED' = 'PUBLISHED',
): EventPayload<typeof certificationChanged> {
  const { correspondences, components, ...rest } = version;
  return {
    change,
    certification: {
      ...rest,
      status: 'ACTIVE',
      vaeMinimumExperienceYears: null,
      components: components.map((c) => ({
        ...c,
        kind: version.kind === 'PROFESSIONAL_TITLE' ? 'CCP' : 'BLOC',
      })),
      correspondences,
    },
  };
}

export interface DecisionFacts {
  candidateId: string;
  certificationId: string;
  decidedOn: LocalDate;
  decisionId?: string;
  sessionId?: string;
}

/** What every decision event says: whose decision, on what, when (fresh ids where not given). */
function decisionOf(facts: DecisionFacts & { enrollmentId?: string; registrationId?: string }) {
  return {
    candidateId: facts.candidateId,
    enrollmentId: facts.enrollmentId ?? randomUUID(),
    registrationId: facts.registrationId ?? randomUUID(),
    sessionId: facts.sessionId ?? randomUUID(),
    decisionId: facts.decisionId ?? randomUUID(),
    certificationId: facts.certificationId,
    decidedOn: facts.decidedOn,
  };
}

export function ccpAcquiredEvent(
  facts: DecisionFacts & { componentId: string; componentCode?: string },
): EventPayload<typeof ccpAcquired> {
  return {
    ...decisionOf(facts),
    componentId: facts.componentId,
    componentCode: facts.componentCode ?? facts.componentId,
    outcome: 'COMPONENTS_AWARDED',
  };
}

export function titleAwardedEvent(
  facts: DecisionFacts &
    Partial<
      Pick<
        EventPayload<typeof titleAwarded>,
        'outcome' | 'finalInterviewPassed' | 'scope' | 'specializationId'
      >
    >,
): EventPayload<typeof titleAwarded> {
  return {
    ...decisionOf(facts),
    outcome: facts.outcome ?? 'COMPONENTS_AWARDED',
    finalInterviewPassed: facts.finalInterviewPassed ?? true,
    scope: facts.scope ?? 'COMPONENTS',
    specializationId: facts.specializationId ?? null,
  };
}

/** sessions.decision-corrected.v1: `decisionId` (on `decidedOn`) supersedes `supersededDecisionId`. */
export function decisionCorrectedEvent(
  facts: DecisionFacts &
    Pick<EventPayload<typeof decisionCorrected>, 'supersededDecisionId' | 'outcome'> &
    Partial<EventPayload<typeof decisionCorrected>>,
): EventPayload<typeof decisionCorrected> {
  return {
    ...decisionOf(facts),
    supersededDecisionId: facts.supersededDecisionId,
    supersededDecidedOn: facts.supersededDecidedOn ?? facts.decidedOn,
    outcome: facts.outcome,
    scope: facts.scope ?? 'FULL_TITLE',
    specializationId: facts.specializationId ?? null,
    finalInterviewPassed: facts.finalInterviewPassed ?? facts.outcome === 'TITLE_AWARDED',
    awardedComponents: facts.awardedComponents ?? [],
    withdrawnComponents: facts.withdrawnComponents ?? [],
    reason: facts.reason ?? 'erreur de saisie au procès-verbal',
    correctedOn: facts.correctedOn ?? facts.decidedOn,
  };
}

export function candidateEvent(
  id: string,
  names: { firstName: string; lastName: string },
  options: { version?: number; erasedAt?: string | null; birthDate?: LocalDate | null } = {},
): EventPayload<typeof candidateChanged> {
  return {
    change: options.erasedAt ? 'ERASED' : 'REGISTERED',
    candidate: {
      id,
      ...names,
      birthDate: options.birthDate ?? null,
      erasedAt: options.erasedAt ?? null,
    },
    enrollments: [],
    version: options.version ?? 1,
  };
}

/** A clock the test moves, e.g. past a deadline. */
export function movableClock(today: LocalDate): Clock & { set(date: LocalDate): void } {
  let current = today;
  return {
    today: () => current,
    now: () => new Date(`${current}T12:00:00Z`),
    set: (date) => {
      current = date;
    },
  };
}

export const TEST_AUTH_SECRET = 'issuing-test-secret-that-is-long-enough-for-hs256';

export interface TestIssuing {
  service: RunningIssuingService;
  bus: EmbeddedBus;
  clock: ReturnType<typeof movableClock>;
  dataDir: string;
  feed(...messages: TransportMessage[]): void;
  token(roles: Role[], claims?: { sub?: string; candidateId?: string }): Promise<string>;
  /** The service's own routes (documents, JWKS, verification page). */
  get(path: string, token?: string, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** The issuing service alone, on a bus of its own, on SQLite in a temporary folder or scratch MySQL. */
export async function startTestIssuing(
  dialect: TestDialect,
  options: { today?: LocalDate; settings?: IssuingSettings } = {},
): Promise<TestIssuing> {
  const storage = scratchStorage(dialect, 'issuing');
  const { dataDir } = storage;
  const bus = new EmbeddedBus();
  const clock = movableClock(options.today ?? '2026-03-01');
  const service = await startIssuingService({
    port: 0,
    logger: createLogger({ service: 'issuing', level: process.env['E2E_LOG_LEVEL'] ?? 'silent' }),
    dataDir,
    internalSecret: 'internal-test-secret-long-enough-for-hs256!!',
    auth: { kind: 'hs256', secret: TEST_AUTH_SECRET },
    clock,
    bus,
    sweepIntervalMs: 0,
    ...storage.settings,
    ...options.settings,
  });
  const base = service.url.replace(/\/graphql$/, '');
  return {
    service,
    bus,
    clock,
    dataDir,
    feed: (...messages) => bus.append(messages),
    token: (roles, claims = {}) => mintToken({ roles, secret: TEST_AUTH_SECRET, ...claims }),
    get: (path, token, headers = {}) =>
      fetch(`${base}${path}`, {
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }),
    stop: async () => {
      await service.stop();
      await storage.remove();
    },
  };
}

/** A copy of a fixture version whose ids are its own (suffix), so tests never share a certification. */
export function tagged(version: CertificationVersion, tag: string): CertificationVersion {
  const t = (id: string) => `${id}-${tag}`;
  return {
    ...version,
    id: t(version.id),
    revisesId: version.revisesId && t(version.revisesId),
    revisedById: version.revisedById && t(version.revisedById),
    components: version.components.map((c) => ({ ...c, id: t(c.id) })),
    specializations: version.specializations.map((s) => ({ ...s, id: t(s.id) })),
    correspondences: version.correspondences.map((link) => ({
      fromComponentIds: link.fromComponentIds.map(t),
      toComponentId: t(link.toComponentId),
    })),
  };
}

/** The topics issuing consumes. */
const CONSUMED_TOPICS = [
  ccpAcquired,
  titleAwarded,
  decisionCorrected,
  certificationChanged,
  candidateChanged,
].map((d) => d.topic);

/** An issuing.credential.v1 payload, as the specs read it back. */
export interface PublishedChange {
  change: string;
  candidateId: string;
  credential?: { number: string; status: string };
  livret?: { status: string; certificationId: string; capitalizationDeadline: string | null };
}

/**
 * What the service specs do around a running issuing (`get()`, started in their `beforeAll`):
 * feed events, wait until they are handled, read back the parchemins and what was published.
 */
export function issuingProbes(get: () => TestIssuing) {
  const settled = () =>
    waitFor(() => CONSUMED_TOPICS.every((topic) => get().bus.lag(topic, 'issuing') === 0));
  return {
    /** A suffix of ids of its own, so that tests never share a certification. */
    tag: () => randomBytes(3).toString('hex'),
    settled,
    /** One event at a time, each handled before the next: the order is the one given. */
    deliverInOrder: async (messages: TransportMessage[]) => {
      for (const message of messages) {
        get().feed(message);
        await settled();
      }
    },
    /** The candidate's parchemins (rows of the `credential` table), in the order of issue. */
    credentials: (candidateId: string) =>
      get().service.dataSource.manager.find(CredentialRow, {
        where: { candidateId },
        order: { issuedAt: 'ASC', number: 'ASC' },
      }),
    published: async (candidateId: string): Promise<PublishedChange[]> => {
      await get().service.events.drain();
      return get()
        .bus.messages('issuing.credential.v1')
        .map((m) => decodeCloudEvent(m).data as PublishedChange)
        .filter((p) => p.candidateId === candidateId);
    },
    certification: (version: CertificationVersion) =>
      eventMessage(certificationChanged, certificationEvent(version)),
    /** `old` revised by `revised`: both versions' REVISED events, as referentials publishes them. */
    revision: (old: CertificationVersion, revised: CertificationVersion) => [
      eventMessage(
        certificationChanged,
        certificationEvent({ ...old, revisedById: revised.id, version: 2 }, 'REVISED'),
      ),
      eventMessage(certificationChanged, certificationEvent(revised, 'REVISED')),
    ],
    candidate: (...args: Parameters<typeof candidateEvent>) =>
      eventMessage(candidateChanged, candidateEvent(...args)),
    /** The title-awarded of the version (fresh ids and defaults where `facts` says nothing). */
    award: (
      candidateId: string,
      version: CertificationVersion,
      decidedOn: LocalDate,
      facts: Omit<Parameters<typeof titleAwardedEvent>[0], keyof DecisionFacts> &
        Pick<DecisionFacts, 'decisionId'> = {},
    ) =>
      eventMessage(
        titleAwarded,
        titleAwardedEvent({ candidateId, certificationId: version.id, decidedOn, ...facts }),
      ),
    /** The decision-corrected of a decision on the version (see `decisionCorrectedEvent`). */
    correction: (
      candidateId: string,
      version: CertificationVersion,
      facts: Omit<Parameters<typeof decisionCorrectedEvent>[0], 'candidateId' | 'certificationId'>,
    ) =>
      eventMessage(
        decisionCorrected,
        decisionCorrectedEvent({ candidateId, certificationId: version.id, ...facts }),
      ),
    /** The ccp-acquired of the version's `index`-th component. */
    ccp: (
      candidateId: string,
      version: CertificationVersion,
      index: number,
      decidedOn: LocalDate,
      decisionId?: string,
    ) =>
      eventMessage(
        ccpAcquired,
        ccpAcquiredEvent({
          candidateId,
          certificationId: version.id,
          componentId: (version.components[index] as { id: string }).id,
          decidedOn,
          ...(decisionId ? { decisionId } : {}),
        }),
      ),
  };
}
