import { describeError, silentLogger, type EventLogger } from './event-logger';
import type { TransportMessage } from './transport-message';

export interface EmbeddedBusOptions {
  /** Keys are hashed to partitions; partitions of one group are handled concurrently. */
  partitions?: number;
  /**
   * Messages kept per partition once every known group has handled them, so that a group that
   * subscribes later still reads the history. Older handled messages are forgotten.
   */
  retention?: number;
  logger?: EventLogger;
}

/** A member of a consumer group: one subscription of one transport. */
export interface GroupMember {
  readonly stopping: boolean;
  /** Most messages handed over in one `deliver` (1: one at a time). */
  readonly maxBatch: number;
  /**
   * Handles consecutive messages of a partition, in order; resolves with how many of them, from
   * the first, are done (handled or dead-lettered) and committed. Fewer than given: the member
   * stopped, and the rest goes to another member or to the next start.
   */
  deliver(messages: readonly TransportMessage[], positions: readonly string[]): Promise<number>;
}

/** Where a group is in a partition. */
interface Cursor {
  /** The next message to handle: the committed offset. */
  offset: number;
  running: boolean;
}

interface Partition {
  index: number;
  /** Offset of entries[0]. */
  base: number;
  entries: TransportMessage[];
  cursors: Map<string, Cursor>;
}

interface Group {
  id: string;
  members: GroupMember[];
  nextMember: number;
}

interface Topic {
  name: string;
  partitions: Partition[];
  groups: Map<string, Group>;
}

const end = (partition: Partition) => partition.base + partition.entries.length;

/**
 * An in-process message log with Kafka's semantics, for running every service in one Node
 * process without a broker: a log per topic split in partitions by key, and per consumer group a
 * committed offset per partition. A group starts at the oldest retained message, so a subscriber
 * that joins after messages were published still gets them. Nothing survives a restart — the
 * outbox, not the bus, is what makes events durable.
 */
export class EmbeddedBus {
  private readonly topics = new Map<string, Topic>();
  private readonly partitionCount: number;
  private readonly retention: number;
  private readonly logger: EventLogger;

  constructor(options: EmbeddedBusOptions = {}) {
    this.partitionCount = options.partitions ?? 16;
    this.retention = options.retention ?? 10_000;
    this.logger = options.logger ?? silentLogger;
    if (!(this.partitionCount >= 1))
      throw new Error('an embedded bus needs at least one partition');
  }

  append(messages: readonly TransportMessage[]): void {
    const touched = new Map<Partition, Topic>();
    for (const message of messages) {
      const topic = this.topic(message.topic);
      const partition = this.partitionOf(topic, message.key);
      partition.entries.push({ ...message, headers: { ...message.headers } });
      this.trim(topic, partition);
      touched.set(partition, topic);
    }
    // Handlers never run inside the publisher's call.
    setImmediate(() => {
      for (const [partition, topic] of touched) {
        for (const group of topic.groups.values()) this.kick(topic, group, partition);
      }
    });
  }

  /** Adds a member to a group on a topic; returns how to leave. */
  join(topicName: string, groupId: string, member: GroupMember): () => void {
    const topic = this.topic(topicName);
    let group = topic.groups.get(groupId);
    if (!group) {
      group = { id: groupId, members: [], nextMember: 0 };
      topic.groups.set(groupId, group);
      for (const partition of topic.partitions) {
        partition.cursors.set(groupId, { offset: partition.base, running: false });
      }
    }
    const joined = group;
    joined.members.push(member);
    for (const partition of topic.partitions) this.kick(topic, joined, partition);
    return () => {
      joined.members = joined.members.filter((candidate) => candidate !== member);
    };
  }

  /** Every retained message of a topic, oldest first per partition (tests, dead-letter topics). */
  messages(topicName: string): TransportMessage[] {
    return this.topics.get(topicName)?.partitions.flatMap((partition) => partition.entries) ?? [];
  }

  /** Messages a group has not yet handled on a topic. */
  lag(topicName: string, groupId: string): number {
    const partitions = this.topics.get(topicName)?.partitions ?? [];
    return partitions.reduce(
      (sum, partition) =>
        sum + end(partition) - (partition.cursors.get(groupId)?.offset ?? partition.base),
      0,
    );
  }

  private topic(name: string): Topic {
    let topic = this.topics.get(name);
    if (!topic) {
      topic = {
        name,
        partitions: Array.from({ length: this.partitionCount }, (_, index) => ({
          index,
          base: 0,
          entries: [],
          cursors: new Map(),
        })),
        groups: new Map(),
      };
      this.topics.set(name, topic);
    }
    return topic;
  }

  /** FNV-1a: stable, so a key always lands in the same partition. */
  private partitionOf(topic: Topic, key: string): Partition {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i += 1) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    const partition = topic.partitions[(hash >>> 0) % this.partitionCount];
    if (!partition) throw new Error('partition out of range');
    return partition;
  }

  private kick(topic: Topic, group: Group, partition: Partition): void {
    const cursor = partition.cursors.get(group.id);
    if (!cursor || cursor.running) return;
    cursor.running = true;
    void this.drain(topic, group, partition, cursor)
      .catch((error: unknown) => {
        this.logger.error(
          { topic: topic.name, groupId: group.id, partition: partition.index, err: error },
          `embedded bus worker failed: ${describeError(error)}`,
        );
      })
      .finally(() => {
        cursor.running = false;
        // A message may have arrived between the last look and now.
        const pending = cursor.offset < end(partition);
        if (pending && group.members.some((member) => !member.stopping)) {
          setImmediate(() => this.kick(topic, group, partition));
        }
      });
  }

  /**
   * Handles a group's messages of one partition in order: what is waiting, up to the member's
   * `maxBatch` at a time.
   */
  private async drain(topic: Topic, group: Group, partition: Partition, cursor: Cursor) {
    for (;;) {
      if (cursor.offset < partition.base) {
        this.logger.warn(
          { topic: topic.name, groupId: group.id, partition: partition.index },
          'messages trimmed before delivery',
        );
        cursor.offset = partition.base;
      }
      const offset = cursor.offset;
      const members = group.members.filter((member) => !member.stopping);
      const member = members[group.nextMember % Math.max(1, members.length)];
      const from = offset - partition.base;
      const messages = member
        ? partition.entries.slice(from, from + Math.max(1, member.maxBatch))
        : [];
      if (!member || messages.length === 0) return;
      group.nextMember += 1;
      const positions = messages.map((_, i) => `${topic.name}/${partition.index}/${offset + i}`);
      const done = await member.deliver(messages, positions);
      // What was not done is not committed: another member, or the next start, gets it again.
      if (done === 0) continue;
      cursor.offset = offset + done;
      this.trim(topic, partition);
    }
  }

  /** Forgets messages every group has handled, beyond the retention. */
  private trim(topic: Topic, partition: Partition): void {
    // Trim in chunks: shifting a large array on every message would cost more than it saves.
    if (partition.entries.length <= this.retention + Math.ceil(this.retention / 10)) return;
    let handledByAll = end(partition);
    for (const cursor of partition.cursors.values()) {
      handledByAll = Math.min(handledByAll, cursor.offset);
    }
    const drop = Math.min(partition.entries.length - this.retention, handledByAll - partition.base);
    if (drop <= 0) return;
    partition.entries.splice(0, drop);
    partition.base += drop;
    this.logger.debug({ topic: topic.name, partition: partition.index, drop }, 'bus log trimmed');
  }
}

let shared: EmbeddedBus | undefined;

/** The bus every service of this Node process shares (`npm start` runs them all in one). */
export function embeddedBus(): EmbeddedBus {
  shared ??= new EmbeddedBus();
  return shared;
}
