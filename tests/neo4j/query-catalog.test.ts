/**
 * The query catalogue (src/neo4j/query-catalog.ts): named queries are files, and a literal that
 * shapes a query (a quantifier's bound, a pattern's relationship types) is set by name, as a whole
 * number or a list of identifiers, never as free text.
 */
import { cypher, queryName } from '../../src/neo4j/query-catalog';

describe('named queries with literals', () => {
  const bound = (text: string) => /\{1,\/\*maxRelationships\*\/(\d+)\}/.exec(text)?.[1];

  it('reads the file as written, with its own value, when no literal is set', () => {
    expect(bound(cypher('traversal/shortest-path'))).toBe('24');
  });

  it('sets a marked literal to the number asked for, and leaves the file as written for the next caller', () => {
    const query = { name: 'traversal/shortest-path', literals: { maxRelationships: 8 } };
    expect(bound(cypher(query))).toBe('8');
    expect(queryName(query)).toBe('traversal/shortest-path');
    expect(bound(cypher('traversal/shortest-path'))).toBe('24');
  });

  it.each([[-1], [2.5], [Number.NaN], [Number.MAX_SAFE_INTEGER + 1]])('refuses %p: a literal is a whole number', (value) => {
    expect(() => cypher({ name: 'traversal/shortest-path', literals: { maxRelationships: value } })).toThrow(/must be a whole number/);
  });

  it('sets a list of identifiers as relationship types, A|B', () => {
    const types = (text: string) => /\[r:\/\*types\*\/([A-Z_|]+)\]/.exec(text)?.[1];
    expect(types(cypher({ name: 'traversal/shortest-path', literals: { types: ['PARTICIPATED_IN', 'RANKS_ABOVE'] } }))).toBe('PARTICIPATED_IN|RANKS_ABOVE');
    expect(types(cypher('traversal/shortest-path'))).toMatch(/^PARTICIPATED_IN\|HELD\|/);
  });

  it.each([[['PARTICIPATED_IN]-() DETACH DELETE (x']], [['A B']], [[]]])('refuses %p: identifiers only, at least one', (value) => {
    expect(() => cypher({ name: 'traversal/shortest-path', literals: { types: value } })).toThrow(/must be a list of identifiers/);
  });

  it('refuses a literal the query does not mark', () => {
    expect(() => cypher({ name: 'person/by-name', literals: { maxRelationships: 8 } })).toThrow('person/by-name has no literal /*maxRelationships*/');
  });
});
