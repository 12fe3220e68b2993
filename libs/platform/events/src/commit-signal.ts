import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** Query runners whose open transaction wrote to the outbox. */
const pendingRunners = new WeakSet<QueryRunner>();
const listeners = new WeakMap<DataSource, Set<() => void>>();

function notify(dataSource: DataSource): void {
  for (const listener of listeners.get(dataSource) ?? []) listener();
}

function watchCommits(dataSource: DataSource): Set<() => void> {
  const existing = listeners.get(dataSource);
  if (existing) return existing;
  const set = new Set<() => void>();
  listeners.set(dataSource, set);
  const subscriber: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      // A released savepoint is not a commit: wait for the outermost transaction.
      if (queryRunner.isTransactionActive) return;
      if (pendingRunners.delete(queryRunner)) notify(dataSource);
    },
    afterTransactionRollback: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive) pendingRunners.delete(queryRunner);
    },
  };
  dataSource.subscribers.push(subscriber);
  return set;
}

/**
 * Called by the outbox after writing a row: relays on this data source are woken once the row is
 * visible, i.e. when the caller's transaction commits (at once when there is none).
 */
export function noteOutboxWrite(manager: EntityManager): void {
  const dataSource = manager.dataSource;
  watchCommits(dataSource);
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) pendingRunners.add(runner);
  else notify(dataSource);
}

/** Calls `listener` after each commit that wrote to the outbox; returns how to stop. */
export function onOutboxCommit(dataSource: DataSource, listener: () => void): () => void {
  const set = watchCommits(dataSource);
  set.add(listener);
  return () => set.delete(listener);
}
