// First: OpenTelemetry instruments the libraries loaded after it (when tracing is on).
import '@certif/platform-observability/instrument';
import 'reflect-metadata';
import { configKeys, jwtVerifierConfig, loadConfig, withAuthChecks } from '@certif/platform-config';
import { gatewayConfigKeys } from '@certif/gateway-server';
import { stopOnSignals } from '@certif/platform-http';
import { createLogger, startTracing } from '@certif/platform-observability';
import { startOneProcessPlatform } from '@certif/one-process';

const configSchema = withAuthChecks(
  gatewayConfigKeys.extend({
    DATABASE_URL: configKeys.databaseUrl,
    DATA_DIR: configKeys.dataDir,
    KAFKA_BROKERS: configKeys.kafkaBrokers,
  }),
);

// `npm start`: the whole platform in one process on embedded defaults, seeds loaded.
async function main(): Promise<void> {
  const config = loadConfig('platform', configSchema);
  const tracing = startTracing({
    serviceName: 'certif-platform',
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  });
  const logger = createLogger({ service: 'platform', level: config.LOG_LEVEL });
  const platform = await startOneProcessPlatform({
    logLevel: config.LOG_LEVEL,
    auth: jwtVerifierConfig(config),
    dataDir: config.DATA_DIR,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
    ...(config.INTERNAL_AUTH_SECRET ? { internalSecret: config.INTERNAL_AUTH_SECRET } : {}),
  });
  stopOnSignals(logger, [...(tracing ? [tracing.shutdown] : []), platform.stop]);
  const banner = [
    '',
    `  Certification platform ready: ${platform.gatewayUrl.replace('localhost', '127.0.0.1')}`,
    '',
    '  Every request needs a bearer token. Mint a development one for a role:',
    '    npm run -s dev-token -- ADMIN        (or REFERENTIAL_MANAGER, SESSION_MANAGER, JURY_MEMBER, CANDIDATE)',
    '  then, for example:',
    `    curl -s ${platform.gatewayUrl} -H "authorization: Bearer $(npm run -s dev-token -- ADMIN)" \\`,
    `      -H 'content-type: application/json' -d '{"query":"{ certifications { totalCount edges { node { code title status } } } }"}'`,
    '',
  ];
  process.stdout.write(`${banner.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
