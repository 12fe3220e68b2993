// First: OpenTelemetry instruments the libraries loaded after it (when tracing is on).
import '@certif/platform-observability/instrument';
import 'reflect-metadata';
import { subgraphConfigKeys, withAuthChecks, z } from '@certif/platform-config';
import { runServiceApp } from '@certif/platform-http';
import { startReferentialsService } from '@certif/referentials-service';

// The referentials subgraph alone (how it runs in a container).
runServiceApp({
  name: 'referentials',
  configSchema: withAuthChecks(
    subgraphConfigKeys(4001).extend({
      LOAD_SEED_CERTIFICATIONS: z
        .enum(['true', 'false'])
        .default('true')
        .describe('load the five seed certifications when absent'),
    }),
  ),
  start: (options, config) =>
    startReferentialsService({ ...options, loadSeeds: config.LOAD_SEED_CERTIFICATIONS === 'true' }),
});
