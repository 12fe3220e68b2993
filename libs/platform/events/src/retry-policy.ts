/** How often and how patiently a failing step is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first included; after the last one the message is dead-lettered. */
  maxAttempts: number;
  /** Wait after the first failure. */
  initialDelayMs: number;
  /** Ceiling of the exponential growth. */
  maxDelayMs: number;
  /** Growth per failure (2 doubles the wait). */
  factor: number;
  /** ± share of the delay drawn at random, so replicas that failed together do not retry together. */
  jitter: number;
}

export const defaultConsumerRetry: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.2,
};

/** The relay never gives up on a committed event; `maxAttempts` is not used there. */
export const defaultRelayRetry: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 500,
  maxDelayMs: 60_000,
  factor: 2,
  jitter: 0.2,
};

export function retryPolicy(base: RetryPolicy, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...base, ...overrides };
  if (!(policy.maxAttempts >= 1)) throw new Error('retry.maxAttempts must be at least 1');
  if (policy.initialDelayMs < 0 || policy.maxDelayMs < 0) {
    throw new Error('retry delays must not be negative');
  }
  return policy;
}

/** Wait before the next try, after `failures` failed tries (1 for the first failure). */
export function retryDelayMs(policy: RetryPolicy, failures: number, random = Math.random): number {
  const exponential = policy.initialDelayMs * policy.factor ** Math.max(0, failures - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  const spread = capped * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(capped + spread));
}

/**
 * Resolves after `ms`, or early with `false` when the signal aborts. The timer does not keep the
 * process alive on its own.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    timer.unref();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
