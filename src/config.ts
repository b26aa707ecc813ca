import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, read once and validated, so that a bad value stops the service at start-up
 * with a message that names the variable instead of failing later somewhere deep.
 */
const port = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be between 0 and 65535`)
    .max(65535, `${name} must be between 0 and 65535`);

const positiveInt = (name: string) =>
  z.coerce.number({ message: `${name} must be a whole number` }).int(`${name} must be a whole number`).positive(`${name} must be positive`);

const nonNegativeInt = (name: string) =>
  z.coerce.number({ message: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(0, `${name} must not be negative`);

/**
 * How long a replica may answer from what it keeps of the graph (the rank graph, name look-ups and
 * entities by id, src/neo4j/freshness.ts) before it reads again, unless read bookmarks show nothing committed
 * since; 0 keeps nothing. Writes made through this process drop what is kept at once; the TTL
 * bounds how long a write made elsewhere (another replica, `npm run import`) can go unseen.
 * docs/operations.md has the trade-off.
 */
export const CACHE_TTL_MS_DEFAULT = 1000;

/** A document is executed by graphql-jit from its second request (src/server/execution.ts). */
export const GRAPHQL_COMPILE_AFTER_DEFAULT = 2;

/**
 * How far, in percent of what survived the last full garbage collection, the service lets its heap
 * grow before the next one. Left to itself, V8 lets a busy server's old generation grow to several
 * times what it keeps alive (under the benchmark's load 254 MB were collected down to 66 MB), and the
 * resident set follows. 30 kept the peak near 220 MB instead of 410, at no measurable cost in
 * throughput (docs/benchmark.md); 0 leaves V8's own heuristics.
 */
export const HEAP_GROWING_PERCENT_DEFAULT = 30;


const memorySize = (name: string) =>
  z.string().regex(/^\d+[kmgKMG]$/, `${name} must look like 512m or 2g`);

const boolean = (name: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: `${name} must be true or false` })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port('PORT').default(4000),
    HOST: z.string().min(1, 'HOST must not be empty').default('127.0.0.1'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    NEO4J_URI: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'NEO4J_URI must start with bolt://, neo4j://, bolt+s://, neo4j+s://, bolt+ssc:// or neo4j+ssc://')
      .optional(),
    NEO4J_USERNAME: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1, 'DATA_DIR must not be empty').optional(),
    EMBEDDED_NEO4J_PORT: port('EMBEDDED_NEO4J_PORT').default(0),
    EMBEDDED_NEO4J_HEAP: memorySize('EMBEDDED_NEO4J_HEAP').default('4g'),
    EMBEDDED_NEO4J_PAGECACHE: memorySize('EMBEDDED_NEO4J_PAGECACHE').default('128m'),
    EMBEDDED_NEO4J_TX_MEMORY: memorySize('EMBEDDED_NEO4J_TX_MEMORY').default('3g'),
    NEO4J_START_TIMEOUT_MS: positiveInt('NEO4J_START_TIMEOUT_MS').default(180_000),
    NEO4J_QUERY_TIMEOUT_MS: positiveInt('NEO4J_QUERY_TIMEOUT_MS').default(10_000),
    NEO4J_WRITE_TIMEOUT_MS: positiveInt('NEO4J_WRITE_TIMEOUT_MS').default(300_000),
    NEO4J_CONNECTION_TIMEOUT_MS: positiveInt('NEO4J_CONNECTION_TIMEOUT_MS').default(5_000),
    NEO4J_MAX_POOL_SIZE: positiveInt('NEO4J_MAX_POOL_SIZE').default(100),
    SEED_ON_EMPTY: boolean('SEED_ON_EMPTY').default(true),
    INTROSPECTION: boolean('INTROSPECTION').optional(),
    /** Comma-separated `name:role:sha256hex` entries; see README "Security". */
    API_TOKENS: z.string().default(''),
    REQUIRE_READ_TOKEN: boolean('REQUIRE_READ_TOKEN').default(false),
    JWT_JWKS_FILE: z.string().optional(),
    JWT_ISSUER: z.string().optional(),
    JWT_AUDIENCE: z.string().optional(),
    MAX_DEPTH: positiveInt('MAX_DEPTH').default(10),
    MAX_ALIASES: positiveInt('MAX_ALIASES').default(15),
    MAX_DIRECTIVES: positiveInt('MAX_DIRECTIVES').default(20),
    MAX_TOKENS: positiveInt('MAX_TOKENS').default(2000),
    MAX_COST: positiveInt('MAX_COST').default(20000),
    MAX_BODY_BYTES: positiveInt('MAX_BODY_BYTES').default(10 * 1024 * 1024),
    SHUTDOWN_GRACE_MS: positiveInt('SHUTDOWN_GRACE_MS').default(10_000),
    CACHE_TTL_MS: nonNegativeInt('CACHE_TTL_MS').default(CACHE_TTL_MS_DEFAULT),
    GRAPHQL_COMPILE_AFTER: nonNegativeInt('GRAPHQL_COMPILE_AFTER').default(GRAPHQL_COMPILE_AFTER_DEFAULT),
    HEAP_GROWING_PERCENT: nonNegativeInt('HEAP_GROWING_PERCENT').default(HEAP_GROWING_PERCENT_DEFAULT),
  })
  .transform((env) => ({
    ...env,
    INTROSPECTION: env.INTROSPECTION ?? env.NODE_ENV !== 'production',
  }));

export type Config = z.output<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The folder that holds package.json, whether this runs from src/ (tests) or dist/src/ (built). */
export const PROJECT_ROOT = (() => {
  let dir = __dirname;
  for (;;) {
    if (require('node:fs').existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${__dirname}`);
    dir = parent;
  }
})();

/** Reads and validates the configuration; every bad variable is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as they do in most shells' `VAR= command` habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

/** Where the embedded database keeps its files when DATA_DIR is unset. */
export function dataDir(config: Config): string {
  return path.resolve(config.DATA_DIR ?? path.join(PROJECT_ROOT, 'data', 'neo4j'));
}
