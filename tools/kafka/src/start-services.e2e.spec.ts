import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { describeWithKafka, waitFor } from '@certif/platform-events/testing';
import { describeOnMysql } from '@certif/platform-persistence/testing';
import { JOURNEY_JWT_SECRET, Journey } from '@certif/one-process/testing';
import { PrivateBroker } from './private-broker';
import { countRows, dropDatabases, testDatabaseUrl } from './scratch-databases';

// `npm run start:services` as the README runs it: the gateway and four services as five
// processes, on MariaDB and a Kafka broker (a private one: the platform's consumer groups and
// topics are the contract's, and another suite's platform must not share them).
jest.setTimeout(600_000);

describeWithKafka('npm run start:services', () => {
  describeOnMysql('the contract journey across processes, on MariaDB and Kafka', () => {
    const broker = new PrivateBroker();
    const prefix = `certif_ss_${randomBytes(3).toString('hex')}`;
    let platform: ChildProcess | undefined;
    let output = '';
    let urls: Record<string, string>;

    beforeAll(async () => {
      const { bootstrap } = await broker.start();
      const child = spawn(
        process.execPath,
        [resolve(__dirname, '../../start/start-services.mjs'), '--free-ports'],
        {
          env: {
            ...process.env,
            DATABASE_URL: testDatabaseUrl(),
            DATABASE_PREFIX: prefix,
            KAFKA_BROKERS: bootstrap,
            AUTH_JWT_SECRET: JOURNEY_JWT_SECRET,
            LOG_LEVEL: 'warn',
            NODE_ENV: 'development',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      platform = child;
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      urls = await waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`start:services exited:\n${output}`);
          const ready = /^SERVICES_READY (.*)$/m.exec(output)?.[1];
          if (!ready) throw new Error(`not ready yet:\n${output.slice(-3000)}`);
          return JSON.parse(ready) as Record<string, string>;
        },
        { timeoutMs: 420_000, intervalMs: 500 },
      );
    });

    afterAll(async () => {
      const child = platform;
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((done) => child.once('exit', done));
      }
      await broker.destroy();
      await dropDatabases(prefix);
    });

    it('runs each service in a process of its own, with one log stream named by service', () => {
      expect(Object.keys(urls).sort()).toEqual([
        'candidates',
        'gateway',
        'issuing',
        'referentials',
        'sessions',
      ]);
      expect(new Set(Object.values(urls)).size).toBe(5);
      // Every line of the stream names its service.
      for (const line of output.split('\n').filter(Boolean)) {
        expect(line).toMatch(/^(\S+\s*\| |SERVICES_READY )/);
      }
    });

    it('deliberates in sessions; issuing, in another process, issues each parchemin once', async () => {
      const journey = new Journey(`${urls['gateway']}/graphql`);
      const { candidateIds, deliberate } = await journey.prepareDeliberation(2);
      const deliberated = await deliberate();
      expect(deliberated.errors).toBeUndefined();
      for (const candidateId of candidateIds) {
        const credentials = await journey.credentialsOnce(candidateId, (found) =>
          expect(found).toHaveLength(1),
        );
        expect(credentials[0]).toMatchObject({
          number: expect.stringMatching(/^TP-DWWM-\d{4}-\d{6}$/),
          status: 'VALID',
        });
      }
      for (const service of ['referentials', 'candidates', 'sessions', 'issuing']) {
        const readiness = await fetch(`${urls[service]}/readyz`);
        expect(readiness.status).toBe(200);
        expect(await countRows(`${prefix}_${service}`, 'events_dead_letter')).toBe(0);
      }
    });

    it('stops every process on SIGTERM (Ctrl-C)', async () => {
      const child = platform as ChildProcess;
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toMatch(/stopped/);
      for (const url of Object.values(urls)) {
        await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      }
    });
  });
});
