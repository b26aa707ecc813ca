import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/**
 * The one date scalar: an ISO calendar date (`2023-06-19`), a string on both sides. Neo4j `date`
 * values are converted to the same form in `neo4j/values.ts` and parameters are turned back into
 * dates with Cypher's `date()`, so no time zone ever enters a date.
 */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, e.g. 2023-06-19.',
});
