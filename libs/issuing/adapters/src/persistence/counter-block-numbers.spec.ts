import { runInTransaction } from '@certif/platform-events';
import {
  describeOnMysql,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { CounterBlockNumbers } from './counter-block-numbers';
import { CredentialCounterRow } from './credential.row';
import { issuingTables } from './issuing-migrations';
import { TypeOrmParcheminRepository } from './typeorm-parchemin.repository';

jest.setTimeout(60_000);

/** Resolves with `work`'s value, or fails when it takes longer than `ms` (it waited on a lock). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

describeOnMysql('parchemin numbers from counter blocks (ADR 0019)', () => {
  let db: TestDatabase;
  const opened: CounterBlockNumbers[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('mysql', issuingTables);
  });
  afterAll(async () => {
    for (const numbers of opened) await numbers.close();
    await db.close();
  });

  it('numbers an issuance while another one of the same prefix is still uncommitted', async () => {
    const numbers = await CounterBlockNumbers.open(db.dataSource, 1);
    const other = await CounterBlockNumbers.open(db.dataSource, 1);
    opened.push(numbers, other);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstNumber = 0;
    let taken: () => void = () => undefined;
    const firstTaken = new Promise<void>((resolve) => (taken = resolve));
    // The first issuing transaction takes its number and stays open.
    const first = runInTransaction(db.dataSource, async (manager) => {
      firstNumber = await new TypeOrmParcheminRepository(manager, true, numbers).nextSequence(
        'TP-LOCK-2026',
      );
      taken();
      await held;
    });
    await firstTaken;
    // Another replica (its own allocator) numbers meanwhile: no lock to wait for.
    const second = await within(
      3_000,
      runInTransaction(db.dataSource, (manager) =>
        new TypeOrmParcheminRepository(manager, true, other).nextSequence('TP-LOCK-2026'),
      ),
    );
    release();
    await first;
    expect([firstNumber, second]).toEqual([1, 2]);
  });

  it('gives distinct numbers to concurrent transactions, several replicas and blocks', async () => {
    const replicas = [
      await CounterBlockNumbers.open(db.dataSource, 5),
      await CounterBlockNumbers.open(db.dataSource, 5),
      await CounterBlockNumbers.open(db.dataSource, 1),
    ];
    opened.push(...replicas);
    const numbers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        runInTransaction(db.dataSource, (manager) =>
          new TypeOrmParcheminRepository(manager, true, replicas[i % replicas.length]).nextSequence(
            'TP-MANY-2026',
          ),
        ),
      ),
    );
    expect(new Set(numbers).size).toBe(60);
    expect(Math.min(...numbers)).toBe(1);
    const counter = await db.dataSource.manager.findOneByOrFail(CredentialCounterRow, {
      prefix: 'TP-MANY-2026',
    });
    // What the blocks reserved and did not hand out is a gap, never given again.
    expect(Math.max(...numbers)).toBeLessThanOrEqual(counter.lastValue);
    expect(counter.lastValue).toBeLessThan(60 + 2 * 5);
  });

  it('hands a replica its block in order, and leaves a rolled-back number as a gap', async () => {
    const numbers = await CounterBlockNumbers.open(db.dataSource, 3);
    opened.push(numbers);
    const next = () => numbers.next('TP-GAP-2026');
    await expect(
      runInTransaction(db.dataSource, async () => {
        await next();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect([await next(), await next(), await next()]).toEqual([2, 3, 4]);
  });
});
