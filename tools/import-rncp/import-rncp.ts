// npm run -s import-rncp -- <export.zip | folder> [--only RNCP123,…] [--dry-run] [--json]
// Imports France Compétences' RNCP open-data export into the referentials database of this
// deployment (DATABASE_URL / DATA_DIR, as the service). The logic lives in
// @certif/referentials-service (import-rncp/), where it is tested.
import 'reflect-metadata';
import { runImportRncpCommand } from '@certif/referentials-service';

runImportRncpCommand(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(line.endsWith('\n') ? line : `${line}\n`),
  err: (text) => process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
