import pino from 'pino';
import { z } from 'zod';
import {
  cloudEventHeaders,
  decodeCloudEvent,
  encodeCloudEvent,
  EventDecodeError,
  type CloudEvent,
} from './cloud-event';
import { checkPayload, contractDate, defineEvent } from './event-definition';
import type { EventLogger } from './event-logger';
import type { TransportMessage } from './transport-message';

const titleAwarded = defineEvent({
  type: 'certif.sessions.title-awarded.v1',
  topic: 'sessions.title-awarded.v1',
  schema: z.object({ candidateId: z.string().uuid(), certificationCode: z.string().min(1) }),
  key: (payload) => payload.candidateId,
});

const event: CloudEvent<{ candidateId: string; certificationCode: string }> = {
  specversion: '1.0',
  id: '6f1c2a4e-0b7d-4f38-9a52-1d2e3f4a5b6c',
  type: 'certif.sessions.title-awarded.v1',
  source: 'certif/sessions',
  time: '2025-06-30T14:00:00.000Z',
  subject: 'c5b0c5a2-2f0e-4a0c-8f5e-9a1b2c3d4e5f',
  datacontenttype: 'application/json',
  correlationid: '0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b',
  causationid: '11111111-2222-4333-8444-555555555555',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  data: {
    candidateId: 'c5b0c5a2-2f0e-4a0c-8f5e-9a1b2c3d4e5f',
    certificationCode: 'RNCP37873',
  },
};

function record(overrides: Partial<TransportMessage> = {}): TransportMessage {
  return {
    ...encodeCloudEvent(event, { topic: titleAwarded.topic, key: event.data.candidateId }),
    ...overrides,
  };
}

function decodeError(message: TransportMessage): EventDecodeError {
  try {
    decodeCloudEvent(message);
  } catch (error) {
    if (error instanceof EventDecodeError) return error;
    throw error;
  }
  throw new Error('decoded without error');
}

describe('CloudEvents binary mode over Kafka', () => {
  it('puts attributes in ce_ headers and the payload alone in the JSON body', () => {
    const message = record();
    expect(message.topic).toBe('sessions.title-awarded.v1');
    expect(message.key).toBe(event.data.candidateId);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: 'certif.sessions.title-awarded.v1',
      ce_source: 'certif/sessions',
      ce_time: '2025-06-30T14:00:00.000Z',
      ce_subject: event.subject,
      ce_correlationid: event.correlationid,
      ce_causationid: event.causationid,
      ce_traceparent: event.traceparent,
      traceparent: event.traceparent,
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value)).toEqual(event.data);
    expect(cloudEventHeaders.id).toBe('ce_id');
  });

  it('round-trips an envelope', () => {
    expect(decodeCloudEvent(record())).toEqual(event);
  });

  it('omits absent optional attributes, and a chain starts correlated to itself', () => {
    const { subject: _s, causationid: _c, traceparent: _t, ...minimal } = event;
    const message = encodeCloudEvent(minimal, { topic: 't', key: 'k' });
    expect(Object.keys(message.headers).sort()).toEqual([
      'ce_correlationid',
      'ce_id',
      'ce_source',
      'ce_specversion',
      'ce_time',
      'ce_type',
      'content-type',
    ]);
    const { ce_correlationid: _id, ...withoutCorrelation } = message.headers;
    expect(decodeCloudEvent({ ...message, headers: withoutCorrelation }).correlationid).toBe(
      event.id,
    );
  });

  it('reads header names in any case and JSON with a charset', () => {
    const upper = Object.fromEntries(
      Object.entries(record().headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    upper['CONTENT-TYPE'] = 'application/json; charset=utf-8';
    expect(decodeCloudEvent(record({ headers: upper }))).toEqual(event);
  });

  it.each([
    ['a body that is not JSON', record({ value: '{"candidateId": ' }), 'invalid-json'],
    ['a missing id', record({ headers: { ...record().headers, ce_id: '' } }), 'missing-attribute'],
    [
      'another CloudEvents version',
      record({ headers: { ...record().headers, ce_specversion: '0.3' } }),
      'unsupported-specversion',
    ],
    [
      'another content type',
      record({ headers: { ...record().headers, 'content-type': 'application/avro' } }),
      'unsupported-content-type',
    ],
    [
      'a time that is not one',
      record({ headers: { ...record().headers, ce_time: 'yesterday' } }),
      'invalid-attribute',
    ],
  ])('refuses %s with a typed error', (_case, message, code) => {
    const error = decodeError(message);
    expect(error).toBeInstanceOf(EventDecodeError);
    expect(error.code).toBe(code);
  });
});

describe('defineEvent', () => {
  it('derives key and subject from the payload', () => {
    expect(titleAwarded.key(event.data)).toBe(event.data.candidateId);
    expect(titleAwarded.subject(event.data)).toBe(event.data.candidateId);
    const withSubject = defineEvent({
      type: 't.v1',
      topic: 't.v1',
      schema: z.object({ a: z.string(), b: z.string() }),
      key: (payload) => payload.a,
      subject: (payload) => `${payload.a}/${payload.b}`,
    });
    expect(withSubject.subject({ a: 'x', b: 'y' })).toBe('x/y');
  });

  it('validates a payload and says what is wrong', () => {
    expect(checkPayload(titleAwarded, event.data)).toEqual({ success: true, data: event.data });
    const refused = checkPayload(titleAwarded, { candidateId: 'nope' });
    expect(refused.success).toBe(false);
    if (!refused.success) {
      expect(refused.problems).toContain('candidateId');
      expect(refused.problems).toContain('certificationCode');
    }
  });

  it('takes a contract date only in the form YYYY-MM-DD', () => {
    expect(contractDate.parse('2024-06-01')).toBe('2024-06-01');
    const refused = contractDate.safeParse('2024-6-1');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('a date YYYY-MM-DD');
  });

  it('takes a contract date only when it is a real calendar date', () => {
    expect(contractDate.parse('2024-02-29')).toBe('2024-02-29');
    const refused = contractDate.safeParse('2023-02-29');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('a real calendar date');
  });

  it('refuses a topic Kafka would refuse', () => {
    expect(() =>
      defineEvent({ type: 't', topic: 'bad topic', schema: z.object({}), key: () => 'k' }),
    ).toThrow('not a valid Kafka topic name');
  });
});

describe('EventLogger', () => {
  it('accepts a pino logger as is', () => {
    const logger: EventLogger = pino({ level: 'silent' });
    expect(() => logger.info({ topic: 't' }, 'typed')).not.toThrow();
  });
});
