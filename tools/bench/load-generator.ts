// autocannon in a worker thread: the load generator gets its own event loop, so that its work
// does not queue behind the platform's (which runs on this process's main thread).
import { Worker } from 'node:worker_threads';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** Request bodies; each request takes one at random (one body: always that one). */
  bodies: string[];
  connections: number;
  warmUpSeconds: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  /** Answered during the warm-up (not in the other figures). */
  warmUpRequests?: number;
  /** Non-2xx answers, connection errors, and 200s whose body holds GraphQL errors. */
  failures: number;
  bytesPerResponse: number;
}

// Plain JavaScript, evaluated in the worker: it cannot receive functions, so it builds the
// rotation of bodies itself. In a worker autocannon does not aggregate its results (it takes
// itself for one of its own workers), and its histogram counts whole milliseconds: latencies
// are taken from its 'response' events instead, to the microsecond.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const { options } = workerData;
const run = (seconds) => new Promise((resolve, reject) => {
  const times = [];
  let failures = 0;
  let bytes = 0;
  let started = process.hrtime.bigint();
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: options.connections,
    duration: seconds,
    requests: [{
      setupRequest: (request) => ({
        ...request,
        body: options.bodies[Math.floor(Math.random() * options.bodies.length)],
      }),
    }],
    verifyBody: (body) => !body.includes('"errors"'),
  }, (error, result) => {
    if (error) return reject(error);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    resolve({ times, bytes, elapsed, failures: failures + (result.mismatches || 0) });
  });
  instance.on('start', () => { started = process.hrtime.bigint(); });
  instance.on('response', (client, status, resBytes, time) => {
    times.push(time);
    bytes += resBytes;
    if (status < 200 || status > 299) failures += 1;
  });
  instance.on('reqError', () => { failures += 1; });
});
const at = (sorted, q) => sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
run(options.warmUpSeconds)
  .then((warm) => run(options.seconds).then((measured) => ({ ...measured, warmUp: warm.times.length })))
  .then(({ times, bytes, elapsed, failures, warmUp }) => {
    const sorted = Float64Array.from(times).sort();
    parentPort.postMessage({
      requestsPerSecond: times.length / elapsed,
      p50: at(sorted, 0.5),
      p99: at(sorted, 0.99),
      mean: times.reduce((sum, t) => sum + t, 0) / Math.max(1, times.length),
      requests: times.length,
      warmUpRequests: warmUp,
      failures,
      bytesPerResponse: times.length > 0 ? bytes / times.length : 0,
    });
  })
  .catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
`;

export function generateLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { autocannon: require.resolve('autocannon'), options },
      // The worker does not need the TypeScript loader the bench runs with.
      execArgv: [],
    });
    worker.once('message', (message: LoadResult | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(`autocannon: ${message.error}`));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}
