import { createTransport } from './create-transport';
import { embeddedBus } from './embedded-bus';
import { EmbeddedTransport } from './embedded-transport';
import { KafkaTransport } from './kafka-transport';

describe('createTransport', () => {
  it('uses the process-wide embedded bus when KAFKA_BROKERS is unset or empty', () => {
    for (const kafkaBrokers of [undefined, '', ' ']) {
      const transport = createTransport({ kafkaBrokers, clientId: 'sessions' });
      expect(transport).toBeInstanceOf(EmbeddedTransport);
      expect((transport as EmbeddedTransport).bus).toBe(embeddedBus());
    }
  });

  it('uses Kafka when brokers are given, without connecting yet', () => {
    const transport = createTransport({
      kafkaBrokers: 'kafka-1:9092,kafka-2:9092',
      clientId: 'sessions',
    });
    expect(transport).toBeInstanceOf(KafkaTransport);
    expect(transport.kind).toBe('kafka');
  });
});
