import { randomUUID } from 'node:crypto';
import { createJwtVerifier } from '@certif/platform-auth';
import { subgraphSdl } from '@certif/platform-graphql';
import { isMysql } from '@certif/platform-persistence';
import {
  startSubgraph,
  type RunningSubgraph,
  type ServiceModule,
  type ServiceStartOptions,
} from '@certif/platform-http';
import type { Logger } from '@certif/platform-observability';
import {
  CounterBlockNumbers,
  createIssuingLoaders,
  issuingRoutes,
  JoseCredentialSigner,
  loadSigningKey,
  parseRetiredSigningKeys,
  newVerificationCode,
  OutboxIssuingEvents,
  PdfkitDocumentRenderer,
  subscribeIssuing,
  TypeOrmCpfDepositStore,
  TypeOrmIssuingUnitOfWork,
  type IssuingContext,
} from '@certif/issuing-adapters';
import {
  CandidateRecordsQueries,
  CpfDepositsQueries,
  DocumentsQueries,
  personalDataOf,
  RecordCandidateStateService,
  RecordCcpAcquiredService,
  RecordCertificationStateService,
  RecordDecisionCorrectedService,
  RecordTitleAwardedService,
  RevokeParcheminService,
  SweepLapsesService,
  type IssuingDependencies,
  type IssuingLinks,
} from '@certif/issuing-application';
import { buildIssuingSchema } from './issuing-subgraph';
import { issuingSchema } from './issuing-schema';
import { watchCpfOverdue } from './cpf-metrics';

export interface IssuingSettings {
  /** ISSUING_SIGNING_KEY: Ed25519, JWK JSON or PKCS8 PEM; unset: generated once in dataDir. */
  signingKey?: string;
  /** ISSUING_RETIRED_SIGNING_KEYS: a JWKS of the keys used before a rotation. */
  retiredSigningKeys?: string;
  /**
   * Printed on documents; default http://localhost:<port>. A function when the public address
   * is known only later (`npm start`: the gateway's port, which starts after issuing).
   */
  publicBaseUrl?: string | (() => string);
  /** How often the lapse sweep runs; 0 or unset in tests: only when called. Default 1 hour. */
  sweepIntervalMs?: number;
  /** Parchemin numbers reserved at a time per prefix on MySQL (ADR 0019); default 10. */
  numberBlockSize?: number;
}

export type RunningIssuingService = RunningSubgraph<{
  unitOfWork: TypeOrmIssuingUnitOfWork;
  deps: IssuingDependencies;
  records: CandidateRecordsQueries;
  sweep: SweepLapsesService;
  /** The public base URL documents point to, e.g. http://localhost:4004. */
  readonly baseUrl: string;
}>;

function linksTo(base: () => string): IssuingLinks {
  return {
    verification: (code) => `${base()}/verify/${encodeURIComponent(code)}`,
    parcheminPdf: (id) => `${base()}/credentials/${encodeURIComponent(id)}.pdf`,
    livretPdf: (id) => `${base()}/livrets/${encodeURIComponent(id)}.pdf`,
    verifiableCredential: (id) => `${base()}/credentials/${encodeURIComponent(id)}.vc.jwt`,
    statusList: (list) => `${base()}/credentials/status/${encodeURIComponent(list)}`,
  };
}

/** The lapse sweep every `intervalMs` (and once at start); none when 0. Returns its stop. */
function scheduleSweep(sweep: SweepLapsesService, intervalMs: number, logger: Logger): () => void {
  if (intervalMs <= 0) return () => undefined;
  const runSweep = async () => {
    const report = await sweep.execute();
    if (report.changed > 0 || report.failed.length > 0) logger.info({ ...report }, 'lapse sweep');
  };
  const run = () =>
    void runSweep().catch((err: unknown) => logger.error({ err }, 'lapse sweep failed'));
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}

/** Composition root: database, key, consumers, use cases, subgraph and document routes. */
export function startIssuingService(
  options: ServiceStartOptions & IssuingSettings,
): Promise<RunningIssuingService> {
  const { logger } = options;
  return startSubgraph(options, {
    name: 'issuing',
    storage: issuingSchema,
    wire: async ({ dataSource, events }, { origin }) => {
      const signingKey = await loadSigningKey({
        configured: options.signingKey,
        dataDir: options.dataDir,
      });
      const configured = options.publicBaseUrl;
      const baseUrl = () =>
        (typeof configured === 'function' ? configured() : (configured ?? origin)).replace(
          /\/+$/,
          '',
        );
      const links = linksTo(baseUrl);
      // MySQL: parchemin numbers without a lock held until commit (ADR 0019).
      const numbers = isMysql(dataSource.manager)
        ? await CounterBlockNumbers.open(dataSource, options.numberBlockSize)
        : undefined;
      const unitOfWork = new TypeOrmIssuingUnitOfWork(
        dataSource,
        (manager, batch) => new OutboxIssuingEvents(events.outbox, manager, batch),
        numbers ? { numbers } : {},
      );
      const deps: IssuingDependencies = {
        unitOfWork,
        clock: options.clock,
        newId: randomUUID,
        newVerificationCode,
        links,
      };
      const records = new CandidateRecordsQueries(deps);
      const signer = new JoseCredentialSigner(
        signingKey,
        () => ({ id: `${baseUrl()}/issuer` }),
        await parseRetiredSigningKeys(options.retiredSigningKeys),
      );
      const desk = new DocumentsQueries(deps, new PdfkitDocumentRenderer(), signer);
      const sweep = new SweepLapsesService(deps);
      subscribeIssuing(events, unitOfWork, {
        recordCcpAcquired: new RecordCcpAcquiredService(deps),
        recordTitleAwarded: new RecordTitleAwardedService(deps),
        recordDecisionCorrected: new RecordDecisionCorrectedService(deps),
        recordCertificationState: new RecordCertificationStateService(deps),
        recordCandidateState: new RecordCandidateStateService(deps),
      });
      const cpfDeposits = new CpfDepositsQueries(deps, new TypeOrmCpfDepositStore(dataSource));
      const stops: (() => void)[] = [];
      return {
        schema: await buildIssuingSchema({
          records,
          revokeParchemin: new RevokeParcheminService(deps),
          links,
          cpfDeposits,
        }),
        context: (base): IssuingContext => ({
          ...base,
          loaders: createIssuingLoaders(records, base, links),
        }),
        routes: issuingRoutes({
          desk,
          records,
          verifyToken: createJwtVerifier(options.auth),
          jwks: () => signer.jwks(),
          logger,
          internalSecret: options.internalSecret,
          personalData: (principal, candidateId) =>
            personalDataOf(deps, records, principal, candidateId),
        }),
        started: async () => {
          stops.push(watchCpfOverdue(() => cpfDeposits.overdueCount()));
          stops.push(scheduleSweep(sweep, options.sweepIntervalMs ?? 60 * 60 * 1000, logger));
        },
        stop: async () => {
          stops.forEach((stop) => stop());
          // The consumers first: a batch in flight may still ask for a number.
          await events.stop();
          await numbers?.close();
        },
        exposed: {
          unitOfWork,
          deps,
          records,
          sweep,
          get baseUrl() {
            return baseUrl();
          },
        },
      };
    },
  });
}

export function issuingModule(settings: IssuingSettings = {}): ServiceModule {
  return {
    name: 'issuing',
    port: 4004,
    sdl: async () => subgraphSdl(await buildIssuingSchema()),
    start: (options) => startIssuingService({ ...options, ...settings }),
  };
}
