import 'reflect-metadata';
import { runMigrationsCommand } from '@certif/platform-migrations';
import { candidatesSchema } from '@certif/candidates-service';

// Applies the candidates database's pending migrations, then exits: the init container that runs
// before each new pod serves (docs/operations.md, "Run the migrations").
void runMigrationsCommand('candidates', candidatesSchema).then((code) => process.exit(code));
