// npm run -s import-cpf-report -- <file>
// Applies the Caisse des Dépôts' processing report: accepted passages are deposited, rejected ones
// pending again with the reason. The logic is issuing's ImportCpfReport use case.
import 'reflect-metadata';
import { systemClock } from '@certif/platform-calendar';
import { describeCpfImport, importCpfReport } from '@certif/issuing-service';
import { openIssuingStorage } from './cpf-storage';

async function main(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    console.error('usage: import-cpf-report <file>');
    return 2;
  }
  const dataSource = await openIssuingStorage();
  if (!dataSource) return 1;
  try {
    const result = await importCpfReport({ dataSource, clock: systemClock }, file);
    for (const line of describeCpfImport(result)) console.log(line);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
