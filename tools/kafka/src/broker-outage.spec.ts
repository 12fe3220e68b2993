import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startOneProcessPlatform, type OneProcessPlatform } from '@certif/one-process';
import { describeWithKafka, waitFor } from '@certif/platform-events/testing';
import { describeOnMysql } from '@certif/platform-persistence/testing';
import { JOURNEY_JWT_SECRET, Journey } from '@certif/one-process/testing';
import { PrivateBroker } from './private-broker';
import { countRows, dropDatabases, testDatabaseUrl } from './scratch-databases';

// The platform on MariaDB and a broker of this test's own, which it starts late and stops for
// 10 s while a deliberation's events flow.
jest.setTimeout(600_000);

const SERVICES = ['referentials', 'candidates', 'sessions', 'issuing'] as const;

describeWithKafka('Kafka outages', () => {
  describeOnMysql('the platform waits out the broker', () => {
    const broker = new PrivateBroker();
    const prefix = `certif_outage_${randomBytes(3).toString('hex')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'certif-outage-'));
    let platform: OneProcessPlatform | undefined;
    let bootstrap: string;

    const readyz = async (service: string) => {
      const url = (platform as OneProcessPlatform).services[service]?.url ?? '';
      const response = await fetch(url.replace(/\/graphql$/, '/readyz'));
      return { status: response.status, body: (await response.json()) as { problems?: string[] } };
    };

    beforeAll(async () => {
      bootstrap = await broker.address();
    });
    afterAll(async () => {
      await platform?.stop();
      await broker.destroy();
      await dropDatabases(prefix);
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('starts without a broker, alive and not ready, saying why; ready once it is there', async () => {
      platform = await startOneProcessPlatform({
        logLevel: process.env['E2E_LOG_LEVEL'] ?? 'silent',
        auth: { kind: 'hs256', secret: JOURNEY_JWT_SECRET },
        freePorts: true,
        dataDir,
        databaseUrl: testDatabaseUrl(),
        databasePrefix: prefix,
        kafkaBrokers: bootstrap,
      });
      for (const service of SERVICES) {
        const { status, body } = await readyz(service);
        expect(status).toBe(503);
        expect(body.problems?.join('\n')).toMatch(/Kafka/);
      }
      await broker.start();
      await waitFor(
        async () => {
          for (const service of SERVICES) expect((await readyz(service)).status).toBe(200);
        },
        { timeoutMs: 180_000, intervalMs: 500 },
      );
    });

    it('a broker stopped for 10 s mid-deliberation: every parchemin issued once, no dead letter', async () => {
      const journey = new Journey((platform as OneProcessPlatform).gatewayUrl);
      const { candidateIds, deliberate } = await journey.prepareDeliberation(8);
      expect((await deliberate()).errors).toBeUndefined();
      // The deliberation's 24 events are in sessions' outbox, on their way: the broker goes.
      await broker.stop();
      const notReady = new Set<string>();
      const outageEnds = Date.now() + 10_000;
      while (Date.now() < outageEnds) {
        for (const service of SERVICES) {
          if ((await readyz(service)).status !== 200) notReady.add(service);
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await broker.start();

      for (const candidateId of candidateIds) {
        await waitFor(async () => expect(await journey.credentials(candidateId)).toHaveLength(1), {
          timeoutMs: 240_000,
          intervalMs: 1000,
        });
      }
      // Nothing comes late to issue a second one: everything is relayed and consumed.
      const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        await waitFor(
          async () => {
            for (const [topic, group] of [
              ['sessions.ccp-acquired.v1', 'issuing'],
              ['sessions.title-awarded.v1', 'issuing'],
            ] as const) {
              const ends = await admin.fetchTopicOffsets(topic);
              const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
              const done = new Map(
                committed?.partitions.map((p) => [p.partition, Number(p.offset)]),
              );
              for (const end of ends) {
                // -1: nothing committed on that partition, which is right when it is empty.
                const position = done.get(end.partition) ?? -1;
                const pending = Number(end.high) - (position < 0 ? Number(end.low) : position);
                expect({ topic, partition: end.partition, pending }).toEqual({
                  topic,
                  partition: end.partition,
                  pending: 0,
                });
              }
            }
          },
          { timeoutMs: 120_000, intervalMs: 1000 },
        );
        for (const candidateId of candidateIds) {
          const credentials = await journey.credentials(candidateId);
          expect(credentials).toHaveLength(1);
          expect(credentials[0]?.status).toBe('VALID');
        }
        expect(await countRows(`${prefix}_issuing`, 'credential')).toBe(8);
        for (const service of SERVICES) {
          expect(await countRows(`${prefix}_${service}`, 'events_dead_letter')).toBe(0);
        }
        const dlq = await admin.listTopics();
        for (const topic of dlq.filter((name) => name.endsWith('.dlq'))) {
          const offsets = await admin.fetchTopicOffsets(topic);
          expect(offsets.every((p) => p.high === '0')).toBe(true);
        }
      } finally {
        await admin.disconnect();
      }
      // And the platform is ready again.
      await waitFor(
        async () => {
          for (const service of SERVICES) expect((await readyz(service)).status).toBe(200);
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      // What readiness said during the outage (a consumer notices after its retries).
      console.info(`not ready during the outage: ${[...notReady].join(', ') || 'none'}`);
    });
  });
});
