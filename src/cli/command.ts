import type { Command } from 'commander';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** Each CLI command registers itself on the program; config is read only by commands that need it. */
export type RegisterCommand = (program: Command, config: () => Config, logger: Logger) => void;

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits; a second signal exits at once, for the
 * impatient Ctrl-C that should still never leave a database behind (the JVM watches its parent).
 */
export function onShutdownSignal(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop()
      .then(() => process.exit(0))
      .catch((error: Error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
