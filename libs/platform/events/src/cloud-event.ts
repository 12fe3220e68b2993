import type { TransportMessage } from './transport-message';

/**
 * A CloudEvents 1.0 envelope (https://github.com/cloudevents/spec), with the extension attributes
 * the platform uses to follow a chain of events: `correlationid` (the first event of the chain)
 * and `causationid` (the event that caused this one), and W3C `traceparent` when tracing.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
  traceparent?: string;
  data: T;
}

/** Kafka protocol binding, binary content mode: attributes are `ce_` headers, the body is data. */
export const cloudEventHeaders = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationid: 'ce_correlationid',
  causationid: 'ce_causationid',
  traceparent: 'ce_traceparent',
  contentType: 'content-type',
} as const;

const jsonContentType = 'application/json';

export type EventDecodeErrorCode =
  | 'missing-attribute'
  | 'invalid-attribute'
  | 'unsupported-specversion'
  | 'unsupported-content-type'
  | 'invalid-json'
  | 'invalid-payload';

/** Why a message is not an event this platform can read. Never worth retrying. */
export class EventDecodeError extends Error {
  constructor(
    readonly code: EventDecodeErrorCode,
    message: string,
    readonly attribute?: string,
  ) {
    super(message);
    this.name = 'EventDecodeError';
  }
}

/** The binary-mode Kafka record of an event. */
export function encodeCloudEvent(
  event: CloudEvent,
  route: { topic: string; key: string },
): TransportMessage {
  const headers: Record<string, string> = {
    [cloudEventHeaders.specversion]: event.specversion,
    [cloudEventHeaders.id]: event.id,
    [cloudEventHeaders.type]: event.type,
    [cloudEventHeaders.source]: event.source,
    [cloudEventHeaders.time]: event.time,
    [cloudEventHeaders.correlationid]: event.correlationid,
    [cloudEventHeaders.contentType]: event.datacontenttype,
  };
  if (event.subject !== undefined) headers[cloudEventHeaders.subject] = event.subject;
  if (event.causationid !== undefined) headers[cloudEventHeaders.causationid] = event.causationid;
  if (event.traceparent !== undefined) {
    headers[cloudEventHeaders.traceparent] = event.traceparent;
    // OpenTelemetry's Kafka instrumentations read the plain W3C header.
    headers['traceparent'] = event.traceparent;
  }
  return { topic: route.topic, key: route.key, headers, value: JSON.stringify(event.data) };
}

/**
 * Reads an event from a binary-mode record; the payload is parsed JSON, not yet validated against
 * its event definition. Throws EventDecodeError.
 */
export function decodeCloudEvent(message: TransportMessage): CloudEvent<unknown> {
  // Kafka header names are bytes; accept any case rather than refuse a well-meant producer.
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(message.headers))
    headers.set(name.toLowerCase(), value);
  const required = (attribute: keyof typeof cloudEventHeaders): string => {
    const value = headers.get(cloudEventHeaders[attribute]);
    if (value === undefined || value === '') {
      throw new EventDecodeError(
        'missing-attribute',
        `header ${cloudEventHeaders[attribute]} is missing`,
        attribute,
      );
    }
    return value;
  };
  const specversion = required('specversion');
  if (specversion !== '1.0') {
    throw new EventDecodeError(
      'unsupported-specversion',
      `CloudEvents specversion ${specversion} is not supported (1.0 is)`,
      'specversion',
    );
  }
  const id = required('id');
  if (id.length > 100) {
    throw new EventDecodeError('invalid-attribute', 'ce_id is longer than 100 characters', 'id');
  }
  const type = required('type');
  const source = required('source');
  // Optional in CloudEvents, required by the platform's contract: consumers order and audit by it.
  const time = required('time');
  if (Number.isNaN(Date.parse(time))) {
    throw new EventDecodeError('invalid-attribute', `ce_time "${time}" is not a timestamp`, 'time');
  }
  const contentType = headers.get(cloudEventHeaders.contentType);
  // "application/json; charset=utf-8" is JSON too; an absent type means JSON in this platform.
  if (
    contentType !== undefined &&
    contentType.split(';')[0]?.trim().toLowerCase() !== jsonContentType
  ) {
    throw new EventDecodeError(
      'unsupported-content-type',
      `content-type ${contentType} is not ${jsonContentType}`,
      'datacontenttype',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(message.value);
  } catch (error) {
    throw new EventDecodeError(
      'invalid-json',
      `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const event: CloudEvent<unknown> = {
    specversion: '1.0',
    id,
    type,
    source,
    time,
    datacontenttype: jsonContentType,
    // A chain starts with an event that has no correlation id of its own: it correlates itself.
    correlationid: headers.get(cloudEventHeaders.correlationid) || id,
    data,
  };
  const subject = headers.get(cloudEventHeaders.subject);
  if (subject !== undefined) event.subject = subject;
  const causationid = headers.get(cloudEventHeaders.causationid);
  if (causationid !== undefined) event.causationid = causationid;
  const traceparent = headers.get(cloudEventHeaders.traceparent) ?? headers.get('traceparent');
  if (traceparent !== undefined) event.traceparent = traceparent;
  return event;
}
