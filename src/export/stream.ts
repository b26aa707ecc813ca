import neo4j from 'neo4j-driver';
import { mapDriverError, type Database, type Params, type Row } from '../neo4j/database';
import { cypher } from '../neo4j/query-catalog';
import { fromNeo4j } from '../neo4j/values';

export interface StreamOptions {
  /** Transaction timeout; exports of a large graph outlive the API's read timeout. Default: none (the server's). */
  timeoutMs?: number;
  /** Records the driver pulls per batch; the pull pauses while the consumer has not caught up. */
  fetchSize?: number;
}

/**
 * Streams the rows of a named read query, one at a time, in constant memory: the driver pulls
 * `fetchSize` records at a time and stops pulling while the consumer has not taken them (its
 * high/low watermarks), so a consumer that awaits a slow writer slows Neo4j down instead of
 * filling the heap. Breaking out of the loop discards the rest of the result and closes the session.
 */
export async function* streamRows<T = Row>(db: Database, name: string, params: Params = {}, options: StreamOptions = {}): AsyncGenerator<T> {
  const session = db.driver.session({
    database: db.database,
    defaultAccessMode: neo4j.session.READ,
    fetchSize: options.fetchSize ?? 500,
  });
  try {
    const result = session.run(cypher(name), params, options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
    try {
      for await (const record of result) yield fromNeo4j(record.toObject()) as T;
    } catch (error) {
      throw mapDriverError(error);
    }
  } finally {
    await session.close();
  }
}
