import type { ApolloServerPlugin } from '@apollo/server';
import type { Database } from '../../neo4j/database';
import { graphFreshness } from '../../neo4j/freshness';
import type { Context } from '../context';

/**
 * What the process keeps of the graph (the rank graph, name look-ups, entities by id) follows one
 * freshness rule (src/neo4j/freshness.ts): its bound is configuration, and bookmarks tell it when
 * nothing has changed since a read: those of the service's reads, and a heartbeat's. The
 * heartbeat lives as long as the server: it starts with it and stops with it.
 */
export function freshnessPlugin(db: Database, cacheTtlMs: number): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      graphFreshness.setTtl(cacheTtlMs);
      const stop = graphFreshness.watch(db);
      return {
        async serverWillStop() {
          stop();
        },
      };
    },
  };
}
