// npm run -s export-cpf -- --out <dir> [--certifier <siret>] [--dry-run]
// One deposit file per certifier for the Caisse des Dépôts (see the README, "Depositing holders
// with the Caisse des Dépôts"); the logic is issuing's ExportCpfService use case.
import 'reflect-metadata';
import { systemClock } from '@certif/platform-calendar';
import { describeCpfExport, exportCpf, issuingSchema } from '@certif/issuing-service';
import { runCli, withServiceDatabase } from '../cli/run-cli';

const USAGE = 'usage: export-cpf --out <dir> [--certifier <siret>] [--dry-run]';

async function main(args: string[]): Promise<number> {
  let out: string | undefined;
  let certifier: string | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--out') out = args[++i];
    else if (arg === '--certifier') certifier = args[++i];
    else if (arg === '--dry-run') dryRun = true;
    else {
      console.error(`unknown argument ${arg}\n${USAGE}`);
      return 2;
    }
  }
  if (!out || (certifier !== undefined && !/^\d{14}$/.test(certifier))) {
    console.error(
      USAGE + (certifier !== undefined ? '\n--certifier takes a SIRET (14 digits)' : ''),
    );
    return 2;
  }
  return withServiceDatabase('issuing', issuingSchema, async (dataSource) => {
    const report = await exportCpf(
      { dataSource, clock: systemClock },
      { out, certifierSiret: certifier ?? null, dryRun },
    );
    for (const line of describeCpfExport(report, dryRun)) console.log(line);
    return 0;
  });
}

runCli(main);
