import type { DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * Calls `listener` with every SQL statement the data source sends, transaction control
 * included, until the returned function is called. For counting statements (the benchmark's
 * N+1 check, specs that pin a bounded number of queries); nothing listens in production.
 * A subscriber rather than a logger: it can be attached to a running service's data source.
 */
export function onStatement(dataSource: DataSource, listener: (sql: string) => void): () => void {
  const subscriber: EntitySubscriberInterface = {
    beforeQuery: ({ query }) => listener(query),
  };
  dataSource.subscribers.push(subscriber);
  return () => {
    const index = dataSource.subscribers.indexOf(subscriber);
    if (index >= 0) dataSource.subscribers.splice(index, 1);
  };
}
