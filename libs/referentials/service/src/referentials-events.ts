import type { DataSource, EntityManager } from 'typeorm';
import type { CertificationEvents } from '@certif/referentials-application';
import type { Logger } from '@certif/platform-observability';

export interface ReferentialsEvents {
  forTransaction: (manager: EntityManager) => CertificationEvents;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createReferentialsEvents(_options: {
  dataSource: DataSource;
  logger: Logger;
  kafkaBrokers?: string;
}): Promise<ReferentialsEvents> {
  return {
    forTransaction: () => ({ changed: async () => undefined }),
    start: async () => undefined,
    stop: async () => undefined,
  };
}
