/**
 * The outbox relay locks rows with `FOR UPDATE SKIP LOCKED`: MySQL 8.0.1 and MariaDB 10.6 are the
 * first to have it. On an older server every relay round fails while the service looks healthy,
 * so a service refuses to start there, saying which version it found and which it needs.
 */
const minimum = { mysql: [8, 0, 1], mariadb: [10, 6, 0] } as const;

export class UnsupportedDatabaseVersion extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedDatabaseVersion';
  }
}

function numbers(version: string): number[] {
  // MariaDB behind a MySQL 5.5 protocol banner: "5.5.5-10.11.6-MariaDB-…".
  const text = version.replace(/^5\.5\.5-/, '');
  return (/^(\d+)\.(\d+)\.(\d+)/.exec(text) ?? []).slice(1).map(Number);
}

/** Throws UnsupportedDatabaseVersion when `version` (SELECT VERSION()) is too old. */
export function checkServerVersion(version: string): void {
  const isMariaDb = /mariadb/i.test(version);
  const found = numbers(version);
  const needed = isMariaDb ? minimum.mariadb : minimum.mysql;
  const product = isMariaDb ? 'MariaDB' : 'MySQL';
  if (found.length !== 3) {
    throw new UnsupportedDatabaseVersion(
      `cannot read the database server's version "${version}"; ${product} ${needed.join('.')} or later is required`,
    );
  }
  for (let index = 0; index < 3; index += 1) {
    const [have, need] = [found[index] ?? 0, needed[index] ?? 0];
    if (have > need) return;
    if (have < need) {
      throw new UnsupportedDatabaseVersion(
        `${product} ${found.join('.')} is too old: ${product} ${needed.join('.')} or later is required (the event relay uses FOR UPDATE SKIP LOCKED). Upgrade the server.`,
      );
    }
  }
}
