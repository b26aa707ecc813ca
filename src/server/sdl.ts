import path from 'node:path';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { PROJECT_ROOT } from '../config';
import { referenceResolvers } from '../resolvers';
import { buildDiplographSchema } from './schema';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** The Federation 2 spec version and every directive this subgraph uses, as the spec requires. */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

let executable: Promise<GraphQLSchema> | null = null;

/**
 * The schema the server runs: type-graphql's schema, printed with its directives (graphql's own
 * printer drops `@key`), then rebuilt by @apollo/subgraph, which adds `_service` and `_entities`.
 * The resolvers are type-graphql's, plus a `__resolveReference` per entity.
 */
export function buildExecutableSchema(): Promise<GraphQLSchema> {
  executable ??= (async () => {
    const schema = await buildDiplographSchema();
    const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
    const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
    for (const [typeName, resolveReference] of Object.entries(referenceResolvers)) {
      resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as never;
    }
    return buildSubgraphSchema({ typeDefs, resolvers });
  })();
  return executable;
}

/** The SDL committed as schema/schema.graphql: what `_service { sdl }` returns. */
export async function printSubgraphSdl(): Promise<string> {
  return `${printSubgraphSchema(await buildExecutableSchema()).trim()}\n`;
}
