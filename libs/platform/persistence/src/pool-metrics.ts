import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** mysql2's pool keeps these lists; TypeORM exposes the pool as `driver.pool`. */
interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

export interface PoolUsage {
  /** Connections open, in use or idle. */
  open: number;
  /** Connections serving a query or transaction now. */
  busy: number;
  /** Requests waiting for a free connection: above 0 for long, the pool is too small. */
  waiting: number;
  limit: number;
}

/**
 * What a data source's connection pool holds now. SQLite has one connection, always open.
 * mysql2 keeps the counts in private fields, read defensively: a version that renames them
 * reports zeros rather than failing a scrape.
 */
export function poolUsage(dataSource: DataSource): PoolUsage {
  if (!dataSource.isInitialized) return { open: 0, busy: 0, waiting: 0, limit: 0 };
  const driver = dataSource.driver as unknown as { pool?: Mysql2Pool };
  const pool = driver.pool;
  if (!pool) return { open: 1, busy: 0, waiting: 0, limit: 1 };
  const open = pool._allConnections?.length ?? 0;
  const idle = pool._freeConnections?.length ?? 0;
  return {
    open,
    busy: Math.max(0, open - idle),
    waiting: pool._connectionQueue?.length ?? 0,
    limit: pool.config?.connectionLimit ?? 0,
  };
}

const watched = new WeakMap<Registry, Map<string, DataSource>>();

/** Reports a service's connection pool in `certif_db_pool_connections` when scraped. */
export function watchConnectionPool(
  registry: Registry,
  service: string,
  dataSource: DataSource,
): void {
  let sources = watched.get(registry);
  if (!sources) {
    const all = new Map<string, DataSource>();
    sources = all;
    watched.set(registry, all);
    new Gauge({
      name: 'certif_db_pool_connections',
      help: 'Database connections by service and state: open, busy, waiting (queued requests), limit',
      labelNames: ['service', 'state'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [name, source] of all) {
          const usage = poolUsage(source);
          for (const state of ['open', 'busy', 'waiting', 'limit'] as const) {
            this.set({ service: name, state }, usage[state]);
          }
        }
      },
    });
  }
  sources.set(service, dataSource);
}
