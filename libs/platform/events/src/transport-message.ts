/**
 * What travels on a transport: the Kafka record shape, whatever the transport. Header values are
 * text; the value is the UTF-8 body.
 */
export interface TransportMessage {
  topic: string;
  key: string;
  headers: Readonly<Record<string, string>>;
  value: string;
}
