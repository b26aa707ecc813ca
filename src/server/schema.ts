import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../resolvers';
import { authChecker } from './auth';

let built: Promise<GraphQLSchema> | null = null;

/**
 * The executable schema, built once per process from the decorated classes. type-graphql's own
 * schema check is skipped because federation adds its directives and types afterwards.
 *
 * Every object type sets `simpleResolvers`: its plain fields are read as properties, by graphql-js
 * or by graphql-jit's compiled code (execution.ts), not through a type-graphql resolver each. That
 * leaves them without type-graphql's middlewares and @Authorized, which no object field uses;
 * tests/server/schema.test.ts holds every type to it.
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
