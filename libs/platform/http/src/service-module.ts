import type { JwtVerifierConfig } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import type { EmbeddedBus, RetentionPolicy } from '@certif/platform-events';
import type { Logger } from '@certif/platform-observability';

/** What every service needs to start, whichever process it runs in. */
export interface ServiceStartOptions {
  port: number;
  logger: Logger;
  /** Embedded SQLite files when `databaseUrl` is unset. */
  dataDir: string;
  databaseUrl?: string;
  /** Database name prefix on MySQL: `<prefix>_<service>` (default certif). */
  databasePrefix?: string;
  kafkaBrokers?: string;
  /** How long the event tables keep what they no longer need (EVENTS_*_RETENTION_DAYS). */
  eventRetention?: Partial<RetentionPolicy>;
  /** Waiting events of a partition handled in one transaction, at most (EVENTS_BATCH_SIZE). */
  eventBatchSize?: number;
  /** The in-process bus shared by the services of one process, when there is no Kafka. */
  bus?: EmbeddedBus;
  internalSecret: string;
  /** How bearer tokens are verified, for routes a service serves itself (PDF documents). */
  auth: JwtVerifierConfig;
  clock: Clock;
}

export interface RunningService {
  name: string;
  url: string;
  /** The subgraph's SDL, for composing the supergraph at start. */
  sdl: string;
  stop(): Promise<void>;
}

/** A subgraph service as the one-process start and the supergraph tool see it. */
export interface ServiceModule {
  name: string;
  /** The contract's port (../shared/contract/README.md). */
  port: number;
  /** The SDL, built without a database (supergraph composition). */
  sdl(): Promise<string>;
  start(options: ServiceStartOptions): Promise<RunningService>;
}
