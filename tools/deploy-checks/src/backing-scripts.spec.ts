import { spawnSync } from 'node:child_process';
import {
  contractReadmeTopics,
  contractTopics,
  deployableServices,
  PLATFORM_INTERNAL_TOPICS,
  readWorkspaceFile,
  workspacePath,
} from './workspace';

// The scripts that prepare MySQL and Kafka for compose and the dev overlay (infra/backing).

describe('infra/backing/create-topics.sh', () => {
  const scriptTopics = () => {
    const list =
      /^TOPICS=\(\n([\s\S]*?)\n\)/m.exec(
        readWorkspaceFile('infra/backing/create-topics.sh'),
      )?.[1] ?? '';
    return list
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
  };

  it('creates exactly the topics the event contracts publish', () => {
    expect(contractTopics().length).toBeGreaterThan(0);
    expect(scriptTopics()).toEqual(contractTopics());
  });

  const readme = contractReadmeTopics();
  (readme ? it : it.skip)(
    'matches the topics table of the contract README, and internal ones',
    () => {
      expect(scriptTopics()).toEqual([...(readme ?? []), ...PLATFORM_INTERNAL_TOPICS].sort());
    },
  );

  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', workspacePath('infra/backing/create-topics.sh')]).status).toBe(
      0,
    );
  });
});

describe('infra/backing/init-databases.sh', () => {
  // Sourced with a `mysql` stand-in that prints the SQL it receives, as the MySQL entrypoint would.
  function run(env: Record<string, string>) {
    const script = `mysql() { echo "-- mysql $*"; cat; }; set -e; . '${workspacePath('infra/backing/init-databases.sh')}'`;
    return spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
    });
  }
  const databaseServices = deployableServices().filter((service) => service.database);
  const passwords = Object.fromEntries(
    databaseServices.map((s) => [`${s.name.toUpperCase()}_DB_PASSWORD`, `${s.name}-pw`]),
  );

  it('creates each service database with a user allowed on it only', () => {
    const result = run({
      MYSQL_ROOT_PASSWORD: 'root-pw',
      ...passwords,
      SESSIONS_DB_USER: 'sessions_app',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    for (const { name } of databaseServices) {
      const user = name === 'sessions' ? 'sessions_app' : name;
      expect(result.stdout).toContain(`CREATE DATABASE IF NOT EXISTS \`certif_${name}\``);
      expect(result.stdout).toContain(
        `CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${name}-pw'`,
      );
      expect(result.stdout).toContain(
        `GRANT ALL PRIVILEGES ON \`certif_${name}\`.* TO '${user}'@'%'`,
      );
    }
    expect(result.stdout).not.toMatch(/ON \*\.\*/);
  });

  it('stops the first start when a password is missing, naming it', () => {
    const { ISSUING_DB_PASSWORD: _left, ...others } = passwords;
    const result = run({ MYSQL_ROOT_PASSWORD: 'root-pw', ...others });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ISSUING_DB_PASSWORD is required/);
  });
});
