import { LoaderRegistry } from '../common/loaders';
import type { Database, Params, QueryRunner, Row } from '../neo4j/database';
import type { KeyedRow } from '../neo4j/keyed-read-batcher';
import type { QueryName } from '../neo4j/query-catalog';
import type { Logger } from '../logger';
import type { Viewer } from './auth';

/** What every resolver receives: the database (counted per request), loaders, the viewer. */
export interface Context {
  db: QueryRunner;
  database: Database;
  loaders: LoaderRegistry;
  viewer: Viewer;
  logger: Logger;
  /** Round trips to Neo4j made for this request; the N+1 tests read it. */
  stats: { roundTrips: number };
}

/** A per-request view of the database that counts its round trips. */
function countingRunner(db: Database, stats: { roundTrips: number }): QueryRunner {
  return {
    read<T = Row>(name: QueryName, params?: Params) {
      stats.roundTrips += 1;
      return db.read<T>(name, params);
    },
    write<T = Row>(name: QueryName, params?: Params) {
      stats.roundTrips += 1;
      return db.write<T>(name, params);
    },
    // A keyed read may share its round trip with other requests' reads; for this request it is one.
    readByKeys<T extends KeyedRow>(name: QueryName, params: Params, keysParam: string, keys: readonly string[]) {
      stats.roundTrips += 1;
      return db.readByKeys<T>(name, params, keysParam, keys);
    },
  };
}

export function createContext(database: Database, viewer: Viewer, logger: Logger): Context {
  const stats = { roundTrips: 0 };
  const db = countingRunner(database, stats);
  return { db, database, loaders: new LoaderRegistry(db), viewer, logger, stats };
}
