// npm run -s import-cpf-report -- <file>
// Applies the Caisse des Dépôts' processing report: accepted passages are deposited, rejected ones
// pending again with the reason. The logic is issuing's ImportCpfReportService use case.
import 'reflect-metadata';
import { systemClock } from '@certif/platform-calendar';
import { describeCpfImport, importCpfReport, issuingSchema } from '@certif/issuing-service';
import { runCli, withServiceDatabase } from '../cli/run-cli';

async function main(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    console.error('usage: import-cpf-report <file>');
    return 2;
  }
  return withServiceDatabase('issuing', issuingSchema, async (dataSource) => {
    const result = await importCpfReport({ dataSource, clock: systemClock }, file);
    for (const line of describeCpfImport(result)) console.log(line);
    return 0;
  });
}

runCli(main, (error) => (error instanceof Error ? error.message : error));
