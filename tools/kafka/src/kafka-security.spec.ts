import { randomUUID } from 'node:crypto';
import {
  createTransport,
  KafkaTransport,
  type EventTransport,
  type KafkaSecurityEnv,
  type TransportMessage,
} from '@certif/platform-events';
import { describeWithKafka, testEventMessage, waitFor } from '@certif/platform-events/testing';
import { PrivateBroker, type BrokerAddresses } from './private-broker';

// A broker of its own with SASL/SCRAM listeners, in clear and over TLS (a self-signed certificate
// made with the JDK's keytool): services reach it only with the settings the README names.
jest.setTimeout(240_000);

const patience = { timeoutMs: 90_000, intervalMs: 200 };
const user = { name: 'issuing', password: `pw-${randomUUID()}` };

function message(topic: string): TransportMessage {
  const id = randomUUID();
  return testEventMessage({ id, type: 'certif.test.secured.v1', data: { id } }, { topic, key: id });
}

describeWithKafka('Kafka with SASL/SCRAM and TLS settings from the environment', () => {
  const broker = new PrivateBroker({ scramUsers: [user], tls: true });
  const transports: EventTransport[] = [];
  let addresses: BrokerAddresses;
  let topic: string;

  const connect = (brokers: string | undefined, env: KafkaSecurityEnv) => {
    const transport = createTransport({ kafkaBrokers: brokers, clientId: 'certif-sasl-test', env });
    transports.push(transport);
    return transport;
  };

  /** Publishes through one transport and reads it back through another with the same settings. */
  async function roundTrip(brokers: string | undefined, env: KafkaSecurityEnv): Promise<void> {
    const received: string[] = [];
    const consumer = connect(brokers, env);
    await consumer.subscribe(
      topic,
      `group-${randomUUID()}`,
      async (m) => void received.push(m.key),
    );
    const sent = message(topic);
    await connect(brokers, env).publish([sent]);
    await waitFor(() => expect(received).toContain(sent.key), patience);
    await waitFor(
      () => expect(consumer.health?.()).toEqual({ ready: true, problems: [] }),
      patience,
    );
  }

  beforeAll(async () => {
    addresses = await broker.start();
    topic = `test.secured.${randomUUID().slice(0, 8)}.v1`;
    const admin = new KafkaTransport({ brokers: [addresses.bootstrap], clientId: 'certif-admin' });
    await admin.ensureTopics([topic], { numPartitions: 1 });
    await admin.stop();
  });
  afterEach(async () => {
    for (const transport of transports.splice(0)) await transport.stop();
  });
  afterAll(() => broker.destroy());

  it('SASL/SCRAM-SHA-256 and SCRAM-SHA-512 with the right password', async () => {
    for (const mechanism of ['SCRAM-SHA-256', 'scram-sha-512']) {
      await roundTrip(addresses.sasl, {
        KAFKA_SASL_MECHANISM: mechanism,
        KAFKA_SASL_USERNAME: user.name,
        KAFKA_SASL_PASSWORD: user.password,
      });
    }
  });

  it('SASL/SCRAM over TLS, the broker certificate checked against KAFKA_SSL_CA_FILE', async () => {
    await roundTrip(addresses.saslSsl, {
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: addresses.caFile,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: user.name,
      KAFKA_SASL_PASSWORD: user.password,
    });
  });

  it('a wrong password is refused: the service stays up, not ready, saying why', async () => {
    const transport = connect(addresses.sasl, {
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256',
      KAFKA_SASL_USERNAME: user.name,
      KAFKA_SASL_PASSWORD: 'not-the-password',
    });
    await transport.start();
    await transport.subscribe(topic, `refused-${randomUUID()}`, async () => undefined);
    await expect(transport.publish([message(topic)])).rejects.toThrow(/SASL|authentic/i);
    await waitFor(() => {
      const health = transport.health?.();
      expect(health?.ready).toBe(false);
      expect(health?.problems.join('\n')).toMatch(
        /consumer .* cannot reach Kafka: .*(SASL|authentic)/i,
      );
    }, patience);
  });

  it('a certificate no authority vouches for is refused, and so is a plain client on TLS', async () => {
    const untrusted = connect(addresses.saslSsl, {
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256',
      KAFKA_SASL_USERNAME: user.name,
      KAFKA_SASL_PASSWORD: user.password,
    });
    await expect(untrusted.publish([message(topic)])).rejects.toThrow(/certificate/i);
    // Without SASL, the SASL listener closes the connection.
    const anonymous = connect(addresses.sasl, {});
    await expect(anonymous.publish([message(topic)])).rejects.toThrow();
  });
});
