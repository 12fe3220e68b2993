import 'reflect-metadata';
import { runMigrationsCommand } from '@certif/platform-migrations';
import { sessionsSchema } from '@certif/sessions-service';

// Applies the sessions database's pending migrations, then exits: the init container that runs
// before each new pod serves (docs/operations.md, "Run the migrations").
void runMigrationsCommand('sessions', sessionsSchema).then((code) => process.exit(code));
