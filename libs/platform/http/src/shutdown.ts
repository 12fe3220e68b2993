import type { Logger } from '@certif/platform-observability';

/**
 * SIGTERM/SIGINT: stop in the reverse order of start (gateway first, then services, then their
 * relays and databases), so that nothing accepted is dropped. A second signal, or a shutdown that
 * takes longer than `timeoutMs`, exits at once.
 */
export function stopOnSignals(
  logger: Logger,
  stops: (() => Promise<void>)[],
  timeoutMs = 15_000,
): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down gracefully`);
    const timer = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms: exiting`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    try {
      for (const stop of [...stops].reverse()) await stop();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
