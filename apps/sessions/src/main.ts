// First: OpenTelemetry instruments the libraries loaded after it (when tracing is on).
import '@certif/platform-observability/instrument';
import 'reflect-metadata';
import { subgraphConfigSchema } from '@certif/platform-config';
import { runServiceApp } from '@certif/platform-http';
import { startSessionsService } from '@certif/sessions-service';

// The sessions subgraph alone (how it runs in a container), with the procès-verbal PDF route.
runServiceApp({
  name: 'sessions',
  configSchema: subgraphConfigSchema(4003),
  start: (options) => startSessionsService(options),
});
