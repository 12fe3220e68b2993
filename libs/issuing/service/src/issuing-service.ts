import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createJwtVerifier } from '@certif/platform-auth';
import { ServiceEvents } from '@certif/platform-events';
import { identityFromGateway, subgraphSdl } from '@certif/platform-graphql';
import { isMysql } from '@certif/platform-persistence';
import {
  openServiceStorage,
  startHttpService,
  storageReadiness,
  type RunningService,
  type ServiceModule,
  type ServiceStartOptions,
} from '@certif/platform-http';
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
  CandidateRecords,
  CpfDeposits,
  CredentialRevocation,
  DocumentDesk,
  FactsIntake,
  LapseSweep,
  personalDataOf,
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
  /** Parchemin numbers reserved at a time per prefix on MySQL (ADR 0016); default 10. */
  numberBlockSize?: number;
}

export interface RunningIssuingService extends RunningService {
  dataSource: DataSource;
  events: ServiceEvents;
  unitOfWork: TypeOrmIssuingUnitOfWork;
  deps: IssuingDependencies;
  records: CandidateRecords;
  sweep: LapseSweep;
  /** The public base URL documents point to, e.g. http://localhost:4004. */
  baseUrl: string;
}

function linksTo(base: () => string): IssuingLinks {
  return {
    verification: (code) => `${base()}/verify/${encodeURIComponent(code)}`,
    credentialPdf: (id) => `${base()}/credentials/${encodeURIComponent(id)}.pdf`,
    livretPdf: (id) => `${base()}/livrets/${encodeURIComponent(id)}.pdf`,
    verifiableCredential: (id) => `${base()}/credentials/${encodeURIComponent(id)}.vc.jwt`,
    statusList: (list) => `${base()}/credentials/status/${encodeURIComponent(list)}`,
  };
}

/** Composition root: database, key, consumers, use cases, subgraph and document routes. */
export async function startIssuingService(
  options: ServiceStartOptions & IssuingSettings,
): Promise<RunningIssuingService> {
  const { logger } = options;
  const { dataSource, events } = await openServiceStorage('issuing', issuingSchema, options);
  const signingKey = await loadSigningKey({
    configured: options.signingKey,
    dataDir: options.dataDir,
  });

  let ownUrl = `http://localhost:${options.port}`;
  const configured = options.publicBaseUrl;
  const baseUrl = () =>
    (typeof configured === 'function' ? configured() : (configured ?? ownUrl)).replace(/\/+$/, '');
  const links = linksTo(baseUrl);
  // MySQL: parchemin numbers without a lock held until commit (ADR 0016).
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
  const records = new CandidateRecords(deps);
  const signer = new JoseCredentialSigner(
    signingKey,
    () => ({ id: `${baseUrl()}/issuer` }),
    await parseRetiredSigningKeys(options.retiredSigningKeys),
  );
  const desk = new DocumentDesk(deps, new PdfkitDocumentRenderer(), signer);
  const sweep = new LapseSweep(deps);
  subscribeIssuing(events, new FactsIntake(deps), (manager, batch) =>
    unitOfWork.within(manager, batch),
  );
  await events.start();

  const cpfDeposits = new CpfDeposits(deps, new TypeOrmCpfDepositStore(dataSource));
  const unwatchCpf = watchCpfOverdue(() => cpfDeposits.overdueCount());
  const schema = await buildIssuingSchema({
    records,
    revocation: new CredentialRevocation(deps),
    links,
    cpfDeposits,
  });
  const http = await startHttpService<IssuingContext>({
    name: 'issuing',
    port: options.port,
    logger,
    schema,
    context: async (request, requestId) => {
      const principal = await identityFromGateway(options.internalSecret, request.headers);
      return {
        principal,
        requestId,
        logger: logger.child({ requestId }),
        loaders: createIssuingLoaders(records, { principal }, links),
      };
    },
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
    readiness: () => storageReadiness({ dataSource, events }),
  });
  ownUrl = `http://localhost:${http.port}`;

  const runSweep = async () => {
    const report = await sweep.run();
    if (report.changed > 0 || report.failed.length > 0) logger.info({ ...report }, 'lapse sweep');
  };
  const interval = options.sweepIntervalMs ?? 60 * 60 * 1000;
  const timer =
    interval > 0
      ? setInterval(
          () =>
            void runSweep().catch((err: unknown) => logger.error({ err }, 'lapse sweep failed')),
          interval,
        )
      : undefined;
  timer?.unref();
  if (timer) void runSweep().catch((err: unknown) => logger.error({ err }, 'lapse sweep failed'));

  return {
    name: 'issuing',
    url: http.url,
    sdl: subgraphSdl(schema),
    dataSource,
    events,
    unitOfWork,
    deps,
    records,
    sweep,
    get baseUrl() {
      return baseUrl();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      unwatchCpf();
      await http.stop();
      await events.stop();
      await numbers?.close();
      await dataSource.destroy();
    },
  };
}

export function issuingModule(settings: IssuingSettings = {}): ServiceModule {
  return {
    name: 'issuing',
    port: 4004,
    sdl: async () => subgraphSdl(await buildIssuingSchema()),
    start: (options) => startIssuingService({ ...options, ...settings }),
  };
}
