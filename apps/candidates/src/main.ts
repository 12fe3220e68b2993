import 'reflect-metadata';
import { DEVELOPMENT_INTERNAL_SECRET } from '@certif/platform-auth';
import { systemClock } from '@certif/platform-calendar';
import {
  jwtVerifierConfig,
  loadConfig,
  subgraphConfigKeys,
  withAuthChecks,
} from '@certif/platform-config';
import { stopOnSignals } from '@certif/platform-http';
import { createLogger } from '@certif/platform-observability';
import { startCandidatesService } from '@certif/candidates-service';

const configSchema = withAuthChecks(subgraphConfigKeys(4002));

// The candidates subgraph alone (how it runs in a container).
async function main(): Promise<void> {
  const config = loadConfig('candidates', configSchema);
  const logger = createLogger({ service: 'candidates', level: config.LOG_LEVEL });
  const service = await startCandidatesService({
    port: config.PORT,
    logger,
    dataDir: config.DATA_DIR,
    clock: systemClock,
    internalSecret: config.INTERNAL_AUTH_SECRET ?? DEVELOPMENT_INTERNAL_SECRET,
    auth: jwtVerifierConfig(config),
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
  });
  stopOnSignals(logger, [service.stop]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
