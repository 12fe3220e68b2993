// One app (apps/<name>/src/main.ts) in a process of its own, as a container runs it: the
// deployed topology of the bench, and the subject of a CPU profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '@certif/platform-persistence/testing';

const ROOT = resolve(__dirname, '../..');

export interface ServiceProcess {
  name: string;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  pid: number;
  /** CPU time the process has used so far (user + system), in ms; Linux (/proc) only, else null. */
  cpuMs(): number | null;
  /** SIGTERM, then waits for the exit (a CPU profile is written then). */
  stop(): Promise<void>;
}

export interface ServiceProcessOptions {
  name: 'referentials' | 'candidates' | 'sessions' | 'issuing' | 'gateway';
  env: Record<string, string>;
  /** `node --cpu-prof` into this directory. */
  cpuProfileDir?: string;
  readyTimeoutMs?: number;
}

export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      resolve(ROOT, `apps/${options.name}/src/main.ts`),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
        APOLLO_TELEMETRY_DISABLED: '1',
        LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
        ...options.env,
        PORT: String(port),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (gone) throw new Error(`${options.name} exited before it was ready`);
    const ready = await fetch(`${base}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `${options.name} was not ready after ${options.readyTimeoutMs ?? 120_000} ms`,
      );
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    name: options.name,
    url: `${base}/graphql`,
    pid: child.pid ?? 0,
    cpuMs: () => processCpuMs(child.pid ?? 0),
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux this runs on). */
const USER_HZ = 100;

function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (2nd field) may hold spaces: count the fields after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return Number.isFinite(utime) && Number.isFinite(stime)
      ? ((utime + stime) * 1000) / USER_HZ
      : null;
  } catch {
    return null;
  }
}
