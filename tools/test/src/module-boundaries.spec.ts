import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The boundary rule reads Nx's cached project graph; on a fresh clone there is none and the rule
// silently skips itself. These tests lint against an empty workspace-data folder, as a fresh
// clone has, after the same preparation `npm test` makes (tools/test/project-graph.mjs).
const root = join(__dirname, '../../..');
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const dataDir = mkdtempSync(join(tmpdir(), 'nx-data-'));
const env = { ...process.env, NX_DAEMON: 'false', NX_WORKSPACE_DATA_DIRECTORY: dataDir };

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Lints `code` as if it were the file at `filePath` (through stdin: nothing is written). */
function lint(filePath: string, code: string): { errors: LintMessage[]; output: string } {
  const run = spawnSync(
    process.execPath,
    [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', filePath],
    { cwd: root, env, input: code, encoding: 'utf8' },
  );
  // Nx prints its "rule will be skipped" warning on stdout, before ESLint's JSON report.
  const reportStart = run.stdout.indexOf('[{');
  const [result] = JSON.parse(run.stdout.slice(reportStart)) as { messages: LintMessage[] }[];
  const errors = result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');
  return { errors, output: run.stdout.slice(0, reportStart) + run.stderr };
}

const boundaryErrors = (filePath: string, code: string) => lint(filePath, code).errors;

const domainImportsAdapters = [
  'libs/issuing/domain/src/boundary-probe.ts',
  "import { x } from '@certif/issuing-adapters';\nexport const probe = x;\n",
] as const;

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('module boundaries are enforced by the lint step', () => {
  it('without a project graph the rule checks nothing (why npm test computes one first)', () => {
    const { errors, output } = lint(...domainImportsAdapters);
    expect(errors).toEqual([]);
    expect(output).toMatch(/No cached ProjectGraph/);
  });

  describe('once npm test has computed the project graph', () => {
    beforeAll(() => {
      const run = spawnSync(process.execPath, [join(__dirname, '../project-graph.mjs')], {
        cwd: root,
        env,
        stdio: 'inherit',
      });
      expect(run.status).toBe(0);
    }, 120_000);

    it('refuses a domain → adapters import', () => {
      const { errors, output } = lint(...domainImportsAdapters);
      expect(errors).not.toHaveLength(0);
      expect(output).not.toMatch(/No cached ProjectGraph/);
    });

    it('refuses a context importing another context’s domain', () => {
      const errors = boundaryErrors(
        'libs/issuing/application/src/boundary-probe.ts',
        "import { x } from '@certif/sessions-domain';\nexport const probe = x;\n",
      );
      expect(errors.map((e) => e.message).join('\n')).toMatch(/scope:issuing/);
    });

    it('allows an adapter → domain import of its own context', () => {
      const errors = boundaryErrors(
        'libs/issuing/adapters/src/boundary-probe.ts',
        "import { x } from '@certif/issuing-domain';\nexport const probe = x;\n",
      );
      expect(errors).toEqual([]);
    });
  });
});
