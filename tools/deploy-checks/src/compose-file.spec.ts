import { missingPackageReason } from './optional-package';
import { deployableServices, readWorkspaceFile } from './workspace';
import { parseYaml } from './yaml-documents';

// infra/compose/compose.yaml cannot be run here (no Docker engine): its shape is checked instead,
// against infra/services.json and the contract's environment variables.

interface ComposeService {
  image?: string;
  build?: { context?: string; args?: Record<string, string> };
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  command?: string[];
}

const skipReason = missingPackageReason('yaml');
const services = deployableServices();

(skipReason ? describe.skip : describe)(
  `infra/compose/compose.yaml${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let compose: Record<string, ComposeService>;
    beforeAll(() => {
      compose = (
        parseYaml(readWorkspaceFile('infra/compose/compose.yaml')) as {
          services: Record<string, ComposeService>;
        }
      ).services;
    });

    it.each(services.map((service) => [service.name, service] as const))(
      'runs %s from its production image',
      (name, service) => {
        const entry = compose[name] as ComposeService;
        expect(entry.build).toEqual({ context: '../..', args: { APP: name } });
        // Subgraphs trust the internal identity: never published beyond this machine.
        expect(entry.ports).toEqual([
          name === 'gateway'
            ? `${service.port}:${service.port}`
            : `127.0.0.1:${service.port}:${service.port}`,
        ]);
        expect(entry.environment).toMatchObject({ NODE_ENV: 'production', PORT: service.port });
        // Required from .env: no public default a production could start with.
        expect(entry.environment).toMatchObject({
          AUTH_JWT_SECRET: expect.stringMatching(/^\$\{AUTH_JWT_SECRET:\?/),
          INTERNAL_AUTH_SECRET: expect.stringMatching(/^\$\{INTERNAL_AUTH_SECRET:\?/),
        });
        expect(entry.read_only).toBe(true);
        expect(entry.cap_drop).toEqual(['ALL']);
      },
    );

    it.each(services.filter((s) => s.database).map((s) => [s.name] as const))(
      '%s reaches its own database and Kafka once both are ready',
      (name) => {
        const entry = compose[name] as ComposeService;
        expect(String(entry.environment?.['DATABASE_URL'])).toMatch(
          new RegExp(`^mysql://${name}:[^@]+@mysql:3306$`),
        );
        expect(entry.environment?.['KAFKA_BROKERS']).toBe('kafka:9092');
        expect(entry.depends_on).toEqual({
          mysql: { condition: 'service_healthy' },
          'kafka-topics': { condition: 'service_completed_successfully' },
        });
        expect(Object.keys(compose['mysql']?.environment ?? {})).toContain(
          `${name.toUpperCase()}_DB_PASSWORD`,
        );
      },
    );

    it('starts the gateway once every subgraph is healthy, pointing at each', () => {
      const gateway = compose['gateway'] as ComposeService;
      for (const service of services.filter((s) => s.name !== 'gateway')) {
        expect(gateway.environment?.[`${service.name.toUpperCase()}_URL`]).toBe(
          `http://${service.name}:${service.port}/graphql`,
        );
        expect(gateway.depends_on?.[service.name]).toEqual({ condition: 'service_healthy' });
      }
    });

    it('runs Kafka in KRaft mode without ZooKeeper, topics created by a one-shot container', () => {
      expect(Object.keys(compose).filter((name) => /zookeeper/i.test(name))).toEqual([]);
      expect(compose['kafka']?.environment?.['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
      expect(compose['kafka']?.environment?.['KAFKA_AUTO_CREATE_TOPICS_ENABLE']).toBe('false');
      expect(compose['kafka-topics']?.volumes).toEqual([
        '../backing/create-topics.sh:/scripts/create-topics.sh:ro',
      ]);
      expect(compose['kafka-topics']?.depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
      });
      expect(compose['mysql']?.volumes).toContain(
        '../backing/init-databases.sh:/docker-entrypoint-initdb.d/10-certif-databases.sh:ro',
      );
      expect(compose['mysql']?.healthcheck?.test).toBeDefined();
      expect(compose['kafka']?.healthcheck?.test).toBeDefined();
    });
  },
);
