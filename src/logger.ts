import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * One structured logger for the process. Authorization headers are redacted at the source so that
 * no log line can carry a token, whoever writes it.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'diplograph' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'token'], censor: '[redacted]' },
  });
}
