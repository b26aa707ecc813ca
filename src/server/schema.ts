import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../resolvers';
import { authChecker } from './auth';

let built: Promise<GraphQLSchema> | null = null;

/**
 * The executable schema, built once per process from the decorated classes. type-graphql's own
 * schema check is skipped because federation adds its directives and types afterwards.
 */
export function buildDiplographSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    validate: false,
    skipCheck: true,
  });
  return built;
}
