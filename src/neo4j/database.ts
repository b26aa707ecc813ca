import neo4j, { type Driver, type ManagedTransaction, Neo4jError, Session } from 'neo4j-driver';
import { DiplographError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { KeyedReadBatcher, type KeyedRow } from './keyed-read-batcher';
import { cypher, type QueryName, queryName } from './query-catalog';
import { fromNeo4j, toNeo4j } from './values';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  username: string;
  password: string;
  database?: string;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  connectionTimeoutMs: number;
  maxPoolSize: number;
  logger: Logger;
}

/**
 * Observes every round trip; the metrics plugin, the caches' freshness rule and the N+1 tests listen here.
 * `startedAt` is when the round trip began (performance.now()). `bookmark` is what Neo4j answered
 * an auto-commit read with: the position of the last transaction committed when the read ran
 * (opaque; equal bookmarks mean nothing was committed in between), which lets a cache know the
 * graph has not changed without a round trip of its own.
 */
export type QueryListener = (event: {
  name: string;
  mode: 'READ' | 'WRITE';
  startedAt: number;
  ms: number;
  rows: number;
  bookmark?: string;
  error?: string;
}) => void;

/** What repositories see: named queries, read or written, inside one transaction each. */
export interface QueryRunner {
  read<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
  write<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
  /**
   * A keyed read: `name` takes the list parameter `keysParam` and returns rows that carry a `key`;
   * the rows of `keys` come back in row order. The Database merges concurrent keyed reads of the
   * same query and parameters, from any request, into one round trip (keyed-read-batcher.ts).
   */
  readByKeys<T extends KeyedRow>(name: QueryName, params: Params, keysParam: string, keys: readonly string[]): Promise<T[]>;
}

/** A transaction the importer holds open across many batches, so that a file is all or nothing. */
export interface WriteTransaction {
  run<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
}

/**
 * The only door to Neo4j. It sets the timeout and access mode of every transaction, maps driver
 * failures to the service's error codes, and reports each round trip to its listeners.
 */
export class Database implements QueryRunner {
  readonly driver: Driver;
  private readonly listeners = new Set<QueryListener>();
  private readonly batcher = new KeyedReadBatcher((name, params) => this.read(name, params));

  constructor(private readonly options: DatabaseOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxPoolSize,
      connectionTimeout: options.connectionTimeoutMs,
      connectionAcquisitionTimeout: options.connectionTimeoutMs,
      // Retrying for the driver's default 30 s would make an outage look like a hang; fail fast instead.
      maxTransactionRetryTime: options.connectionTimeoutMs,
      logging: {
        level: 'warn',
        logger: (level, message) => options.logger[level === 'error' ? 'error' : 'warn']({ neo4j: message }, 'neo4j driver'),
      },
    });
  }

  get database(): string | undefined {
    return this.options.database;
  }

  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  read<T = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.execute<T>('READ', name, params);
  }

  write<T = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.execute<T>('WRITE', name, params);
  }

  readByKeys<T extends KeyedRow>(name: QueryName, params: Params, keysParam: string, keys: readonly string[]): Promise<T[]> {
    return this.batcher.readByKeys<T>(name, params, keysParam, keys);
  }

  /** Runs `work` in one write transaction; everything it ran commits together or not at all. */
  async inWriteTransaction<T>(work: (tx: WriteTransaction) => Promise<T>, timeoutMs = this.options.writeTimeoutMs): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => work({ run: <R>(name: QueryName, params: Params = {}) => this.runOn<R>(tx, 'WRITE', name, params) }),
        { timeout: timeoutMs },
      );
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Raw Cypher for the few administrative statements that are not named queries (migrations, health). */
  async runAdministrative(statement: string, params: Params = {}, database = this.options.database): Promise<Row[]> {
    const session = this.driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.run(statement, toNeo4j(params) as Params, { timeout: this.options.writeTimeoutMs });
      return result.records.map((r) => fromNeo4j(r.toObject()) as Row);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Answers when the database accepts a query, with the bookmark of that read (its commit position;
   * src/neo4j/freshness.ts); throws DATABASE_UNAVAILABLE otherwise.
   */
  async ping(): Promise<string | undefined> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1', {}, { timeout: this.options.connectionTimeoutMs });
      return session.lastBookmarks()[0];
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async execute<T>(mode: 'READ' | 'WRITE', name: QueryName, params: Params): Promise<T[]> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const timeout = mode === 'READ' ? this.options.readTimeoutMs : this.options.writeTimeoutMs;
    try {
      // A read is one statement: run it as an auto-commit transaction, RUN + PULL in one network
      // write and one round trip, where executeRead would add BEGIN and COMMIT round trips (the
      // profile of the API benchmark showed a third of the service's CPU in those socket writes;
      // docs/benchmark.md). Retried once when the driver says the failure is transient, as
      // executeRead would.
      if (mode === 'READ') {
        try {
          return await this.runOn<T>(session, 'READ', name, params, timeout);
        } catch (error) {
          if (!Neo4jError.isRetriable(error)) throw error;
          return await this.runOn<T>(session, 'READ', name, params, timeout);
        }
      }
      return await session.executeWrite((tx: ManagedTransaction) => this.runOn<T>(tx, mode, name, params), { timeout });
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one named query on a session (auto-commit, with its timeout) or in a transaction (whose
   * timeout is the transaction's), and reports it to the listeners.
   */
  private async runOn<T>(runner: Session | ManagedTransaction, mode: 'READ' | 'WRITE', query: QueryName, params: Params, timeout?: number): Promise<T[]> {
    const started = performance.now();
    const name = queryName(query);
    try {
      const statement = cypher(query);
      const values = toNeo4j(params) as Params;
      const result = await (runner instanceof Session ? runner.run(statement, values, { timeout }) : runner.run(statement, values));
      const rows = result.records.map((r) => fromNeo4j(r.toObject()) as T);
      const bookmark = runner instanceof Session ? runner.lastBookmarks()[0] : undefined;
      this.emit({ name, mode, startedAt: started, ms: performance.now() - started, rows: rows.length, bookmark });
      return rows;
    } catch (error) {
      this.emit({ name, mode, startedAt: started, ms: performance.now() - started, rows: 0, error: (error as Error).message });
      throw error;
    }
  }

  private emit(event: Parameters<QueryListener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** A transaction that needed more memory than `dbms.memory.transaction.total.max` (or its per-transaction cap) allows. */
function isTransactionMemoryLimit(error: unknown): error is Neo4jError {
  return error instanceof Neo4jError && (/MemoryPoolOutOfMemoryError|TransactionMemoryLimit/i.test(error.code) || /\b(dbms|db)\.memory\.transaction\./.test(error.message));
}

/** Driver failures become the service's codes; anything else stays as it is (a bug, logged by Apollo). */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof DiplographError) return error;
  if (isTransactionMemoryLimit(error)) {
    return new DiplographError(
      ErrorCode.LIMIT_EXCEEDED,
      'The transaction needed more memory than the database allows (dbms.memory.transaction.total.max; ' +
        'EMBEDDED_NEO4J_TX_MEMORY for the embedded database). For an import: split the file into smaller ' +
        'documents, or raise the limit and the heap with it.',
      { what: 'transactionMemory' },
    );
  }
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || /acquisition timed out|Connection was closed|connect ECONNREFUSED|Failed to connect/i.test(error.message)) {
      return new DiplographError(ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable; try again shortly.');
    }
    if (/TransactionTimedOut|Terminated/i.test(error.code) || /timed out|terminated/i.test(error.message)) {
      return new DiplographError(ErrorCode.TIMEOUT, 'The query took longer than the database allows and was stopped.');
    }
  }
  return error;
}
