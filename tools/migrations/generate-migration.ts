// Writes a MySQL/MariaDB migration for the difference between a service's entities and its
// existing migrations, computed on a scratch database (like `typeorm migration:generate`).
// usage: npm run migration:generate -- <service> <PascalCaseName>
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestDatabase } from '@certif/platform-persistence/testing';
import { serviceSchemas } from './service-schemas';

async function main(): Promise<void> {
  const [service, name] = process.argv.slice(2);
  const entry = service ? serviceSchemas[service] : undefined;
  if (!entry || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error(
      `usage: generate-migration <${Object.keys(serviceSchemas).join('|')}> <PascalCaseName>`,
    );
    process.exit(2);
  }
  const db = await openTestDatabase('mysql', entry.schema);
  try {
    const log = await db.dataSource.driver.createSchemaBuilder().log();
    if (log.upQueries.length === 0) {
      console.log(`${service}: the migrations already match the entities; nothing to write`);
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const list = (queries: { query: string }[]) =>
      queries.map((q) => `    ${JSON.stringify(q.query)},`).join('\n');
    const file = join(entry.migrationsDir, `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { statementMigration } from '@certif/platform-migrations';\n\n` +
        `export const ${className} = statementMigration('${className}', {\n` +
        `  up: [\n${list(log.upQueries)}\n  ],\n` +
        `  down: [\n${list(log.downQueries.reverse())}\n  ],\n});\n`,
    );
    console.log(`wrote ${file}: add ${className} to the service's migration list`);
  } finally {
    await db.close();
  }
}

void main();
