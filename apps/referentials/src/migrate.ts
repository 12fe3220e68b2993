import 'reflect-metadata';
import { runMigrationsCommand } from '@certif/platform-migrations';
import { referentialsSchema } from '@certif/referentials-service';

// Applies the referentials database's pending migrations, then exits: the init container that
// runs before each new pod serves (docs/operations.md, "Run the migrations").
void runMigrationsCommand('referentials', referentialsSchema).then((code) => process.exit(code));
