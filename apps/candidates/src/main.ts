// First: OpenTelemetry instruments the libraries loaded after it (when tracing is on).
import '@certif/platform-observability/instrument';
import 'reflect-metadata';
import { subgraphConfigKeys, withAuthChecks, z } from '@certif/platform-config';
import { runServiceApp } from '@certif/platform-http';
import { startCandidatesService } from '@certif/candidates-service';

const configSchema = withAuthChecks(
  subgraphConfigKeys(4002).extend({
    ISSUING_SERVICE_URL: z
      .url()
      .optional()
      .describe(
        "issuing service's base URL, e.g. http://issuing:4004, for its part of exportMyData",
      ),
  }),
).refine((c) => c.NODE_ENV !== 'production' || c.ISSUING_SERVICE_URL, {
  path: ['ISSUING_SERVICE_URL'],
  message: 'is required in production: without it a GDPR export would miss livrets and parchemins',
});

// The candidates subgraph alone (how it runs in a container).
runServiceApp({
  name: 'candidates',
  configSchema,
  start: (options, config, logger) => {
    const issuingUrl = config.ISSUING_SERVICE_URL;
    if (!issuingUrl) {
      logger.warn(
        'ISSUING_SERVICE_URL is unset: exportMyData will hold the candidates section only',
      );
    }
    return startCandidatesService({
      ...options,
      ...(issuingUrl
        ? { remotePersonalData: [{ source: 'issuing', baseUrl: () => issuingUrl }] }
        : {}),
    });
  },
});
