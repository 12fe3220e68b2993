import type { DataSource } from 'typeorm';

/**
 * Multi-row INSERTs into a service's table, named by the service's own TypeORM entity: table and
 * column names come from its metadata and values go through the driver's conversions (JSON,
 * dates, booleans), as the service's repositories write them. A property the entity has and the
 * row lacks is an error, so a renamed or added column breaks the seeding loudly.
 */
export async function bulkInsert<T extends object>(
  dataSource: DataSource,
  entity: new () => T,
  rows: readonly T[],
  rowsPerStatement = 1000,
): Promise<number> {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const names = columns.map((column) => `\`${column.databaseName}\``).join(', ');
  const sql = `INSERT INTO \`${metadata.tableName}\` (${names}) VALUES ?`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values = rows.slice(start, start + rowsPerStatement).map((row) =>
      columns.map((column) => {
        const value: unknown = column.getEntityValue(row);
        if (value === undefined) {
          throw new Error(
            `${metadata.tableName}.${column.databaseName}: the seed row has no ${column.propertyName}`,
          );
        }
        return dataSource.driver.preparePersistentValue(value, column) as unknown;
      }),
    );
    // mysql2 expands the nested arrays into `(…), (…), …`: one statement per slice.
    await dataSource.query(sql, [values]);
  }
  return rows.length;
}
