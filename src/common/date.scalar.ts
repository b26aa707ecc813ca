import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

const library = GraphQLLocalDate.toConfig();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The one date scalar: an ISO calendar date (`2023-06-19`), a string on both sides. Neo4j `date`
 * values are converted to the same form in `neo4j/values.ts` and parameters are turned back into
 * dates with Cypher's `date()`, so no time zone ever enters a date.
 */
export const DateScalar = new GraphQLScalarType({
  ...library,
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, e.g. 2023-06-19.',
  // Input gets the library's full check (a real calendar day). Output comes from Neo4j dates,
  // which are calendar days by construction, so the form is checked alone: the full check parses
  // and prints a Date per value, a measurable share of a request that returns lists of dates.
  serialize: (value) => (typeof value === 'string' && ISO_DATE.test(value) ? value : library.serialize(value)),
});
