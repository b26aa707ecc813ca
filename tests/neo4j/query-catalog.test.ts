/**
 * The query catalogue (src/neo4j/query-catalog.ts): named queries are files, and a literal that
 * shapes a query (a quantifier's bound, a pattern's relationship types) is set by name, as a whole
 * number or a list of identifiers, never as free text; clauses several queries share are fragments,
 * included by name; and every query the service can send compiles against the real database.
 */
import type { Database } from '../../src/neo4j/database';
import { allQueryNames, cypher, expandIncludes, queryName, withoutComments } from '../../src/neo4j/query-catalog';
import { openTestDatabase } from '../support/harness';

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

describe('fragments', () => {
  it('are taken in where a query includes them, and are not queries of their own', () => {
    const byIds = cypher('meeting/by-ids');
    expect(byIds).toContain('OPTIONAL MATCH (m)-[:DURING]->(trip:Trip)');
    expect(byIds).not.toMatch(/^#include/m);
    expect(cypher('traversal/shortest-path-through-facts')).toContain('ORDER BY hops, kinds, ids');
    // Indented as its #include line, inside the subquery that includes it.
    expect(cypher('meeting/pages-with-participants-by-participant')).toContain('\n  WITH *, [p.id, r.role, r.title, r.delegationId, r.positionId, r.tenureId] AS participant,\n');
    expect(allQueryNames()).toContain('meeting/by-ids');
    expect(allQueryNames()).not.toContain('meeting/row');
    expect(allQueryNames().filter((name) => name.endsWith('.fragment'))).toEqual([]);
  });

  it('may include fragments, each indented as its #include line, at any depth', () => {
    const files: Record<string, string> = { 'a/inner': 'WITH x\n#include a/leaf\n', 'a/leaf': 'RETURN x\n' };
    expect(expandIncludes('q', 'MATCH (x)\n  #include a/inner', (f) => files[f])).toBe('MATCH (x)\n  WITH x\n  RETURN x');
  });

  it('refuses a fragment that includes itself, at any depth, and a malformed #include', () => {
    const files: Record<string, string> = { 'a/loop': '#include a/back', 'a/back': '#include a/loop' };
    expect(() => expandIncludes('q', '#include a/loop', (f) => files[f])).toThrow('q → a/loop → a/back → a/loop: a fragment includes itself');
    expect(() => expandIncludes('q', '#include A/Loop', (f) => files[f])).toThrow('q: malformed #include line');
  });
});

describe('comments', () => {
  it('are left out of what is sent, with blank lines and trailing blanks; indentation stays', () => {
    const text = 'MATCH (n) // which\n  // why, at length\n\n  WHERE n.x > 1   \nRETURN n\n';
    expect(withoutComments(text)).toBe('MATCH (n)\n  WHERE n.x > 1\nRETURN n');
  });

  it('are only comments outside strings and backquoted names; block comments (literal markers) stay', () => {
    const text = "MATCH (n {url: 'http://a//b', q: \"say \\\"//\\\" \"}) RETURN n.`odd//name` AS `a``//b`, /*lit*/3 // gone";
    expect(withoutComments(text)).toBe("MATCH (n {url: 'http://a//b', q: \"say \\\"//\\\" \"}) RETURN n.`odd//name` AS `a``//b`, /*lit*/3");
  });

  it('keep a string that runs over lines as it is written', () => {
    expect(withoutComments("RETURN 'one\n  // two\n' AS s // three")).toBe("RETURN 'one\n  // two\n' AS s");
  });

  it('are in no query the service sends', () => {
    for (const name of allQueryNames()) expect(cypher(name)).not.toMatch(/^\s*\/\//m);
    expect(cypher('traversal/shortest-path').length).toBeLessThan(1400);
  });
});

describe('every named query', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  // EXPLAIN plans a statement without running it: a typo, an unknown function or a fragment that
  // does not fit its query fails here, not on the first request that sends it.
  it.each(allQueryNames())('%s compiles (EXPLAIN)', async (name) => {
    await expect(db.runAdministrative(`EXPLAIN ${cypher(name)}`)).resolves.toBeDefined();
  });
});
