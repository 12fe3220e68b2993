// First: OpenTelemetry instruments the libraries loaded after it (when tracing is on).
import '@certif/platform-observability/instrument';
import 'reflect-metadata';
import { runServiceApp } from '@certif/platform-http';
import { issuingConfigSchema, startIssuingService } from '@certif/issuing-service';

// The issuing subgraph alone (how it runs in a container), with its document routes, the
// public verification page and the JWKS of the key that signs the verifiable credentials.
runServiceApp({
  name: 'issuing',
  configSchema: issuingConfigSchema,
  start: (options, config) =>
    startIssuingService({
      ...options,
      sweepIntervalMs: config.LAPSE_SWEEP_MINUTES * 60_000,
      ...(config.ISSUING_SIGNING_KEY ? { signingKey: config.ISSUING_SIGNING_KEY } : {}),
      ...(config.ISSUING_RETIRED_SIGNING_KEYS
        ? { retiredSigningKeys: config.ISSUING_RETIRED_SIGNING_KEYS }
        : {}),
      ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
    }),
});
