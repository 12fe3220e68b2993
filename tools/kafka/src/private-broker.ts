import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const launcher = resolve(__dirname, '../kafka.mjs');

export interface BrokerAddresses {
  /** PLAINTEXT listener. */
  bootstrap: string;
  /** SASL/SCRAM in clear, when started with SCRAM users. */
  sasl?: string;
  /** SASL/SCRAM over TLS, when started with `tls`. */
  saslSsl?: string;
  /** The broker certificate's PEM (self-signed), for `KAFKA_SSL_CA_FILE`. */
  caFile?: string;
}

export interface PrivateBrokerOptions {
  scramUsers?: { name: string; password: string }[];
  tls?: boolean;
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A broker of a test's own (`tools/kafka/kafka.mjs` in a child process, data in a temporary
 * folder): a test may stop it, start it again on the same ports and data, or configure it for
 * SASL/TLS, without disturbing the broker other suites share.
 */
export class PrivateBroker {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'certif-private-kafka-'));
  private child: ChildProcess | undefined;
  private ports: { port: number; controllerPort: number } | undefined;

  constructor(private readonly options: PrivateBrokerOptions = {}) {}

  /** The PLAINTEXT address it will have, known before it starts (to test a late broker). */
  async address(): Promise<string> {
    this.ports ??= { port: await freePort(), controllerPort: await freePort() };
    return `127.0.0.1:${this.ports.port}`;
  }

  /** Starts it (again: same ports, same data) and resolves with its addresses once ready. */
  async start(): Promise<BrokerAddresses> {
    await this.address();
    const { port, controllerPort } = this.ports as { port: number; controllerPort: number };
    const args = [
      launcher,
      '--port',
      String(port),
      '--controller-port',
      String(controllerPort),
      '--data-dir',
      this.dataDir,
      '--heap',
      '384m',
    ];
    for (const user of this.options.scramUsers ?? []) {
      args.push('--scram', `${user.name}:${user.password}`);
    }
    if (this.options.tls) args.push('--tls');
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    return new Promise<BrokerAddresses>((resolveReady, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /^KAFKA_READY (.*)$/m.exec(output);
        if (ready?.[1]) {
          child.stdout?.off('data', onData);
          resolveReady(JSON.parse(ready[1]) as BrokerAddresses);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) =>
        reject(new Error(`the private broker exited (${code}) before it was ready:\n${output}`)),
      );
    });
  }

  /** Stops it (the launcher stops the JVM and waits for it). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolveExit) => {
      child.once('exit', () => resolveExit());
      child.kill('SIGTERM');
    });
  }

  /** Stops it and removes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
