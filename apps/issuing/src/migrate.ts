import 'reflect-metadata';
import { runMigrationsCommand } from '@certif/platform-migrations';
import { issuingSchema } from '@certif/issuing-service';

// Applies the issuing database's pending migrations, then exits: the init container that runs
// before each new pod serves (docs/operations.md, "Run the migrations").
void runMigrationsCommand('issuing', issuingSchema).then((code) => process.exit(code));
