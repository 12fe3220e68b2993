// Prints a development bearer token:
// npm run -s dev-token -- ROLE [ROLE…] [--sub ID] [--candidate ID] [--centers A,B]
// Signed with AUTH_JWT_SECRET when set, else the public development secret (refused in production).
import { isRole, mintToken, ROLES, type Role } from '@certif/platform-auth';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roles: Role[] = [];
  let sub: string | undefined;
  let candidateId: string | undefined;
  let centers: string[] | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--sub') sub = args[(i += 1)];
    else if (arg === '--candidate') candidateId = args[(i += 1)];
    else if (arg === '--centers') centers = (args[(i += 1)] ?? '').split(',').filter(Boolean);
    else if (isRole(arg)) roles.push(arg);
    else {
      console.error(`unknown role "${arg}"; roles: ${ROLES.join(', ')}`);
      process.exit(2);
    }
  }
  if (roles.length === 0) {
    console.error(
      `usage: npm run -s dev-token -- ROLE [ROLE…] [--sub ID] [--candidate ID] [--centers A,B]\nroles: ${ROLES.join(', ')}`,
    );
    process.exit(2);
  }
  const secret = process.env['AUTH_JWT_SECRET'];
  process.stdout.write(
    `${await mintToken({
      roles,
      ...(sub ? { sub } : {}),
      ...(candidateId ? { candidateId } : {}),
      ...(centers ? { centers } : {}),
      ...(secret ? { secret } : {}),
    })}\n`,
  );
}

void main();
