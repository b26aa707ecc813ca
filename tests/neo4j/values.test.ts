import neo4j from 'neo4j-driver';
import { fromNeo4j, toNeo4j } from '../../src/neo4j/values';

/** A map as the driver decodes one: every key defined as an own property. */
function decodedMap(entries: Array<[string, unknown]>): Record<string, unknown> {
  const map = {};
  for (const [key, value] of entries) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  return map as Record<string, unknown>;
}

describe('fromNeo4j', () => {
  it('turns integers into numbers and temporal values into ISO strings, at any depth', () => {
    const row = decodedMap([
      ['count', neo4j.int(3)],
      ['meetings', [decodedMap([['date', new neo4j.types.Date(2023, 6, 19)], ['minutes', neo4j.int(35)]])]],
      ['nothing', undefined],
    ]);
    expect(fromNeo4j(row)).toEqual({ count: 3, meetings: [{ date: '2023-06-19', minutes: 35 }], nothing: null });
  });

  it('gives nodes as their properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Person'], { id: 'wang-yi', born: neo4j.int(1953) }, 'element-1');
    expect(fromNeo4j(node)).toEqual({ id: 'wang-yi', born: 1953 });
  });

  it('keeps a key named __proto__ a plain key, and the map a plain object', () => {
    const converted = fromNeo4j(decodedMap([['__proto__', decodedMap([['polluted', true]])], ['id', 'x']])) as Record<string, unknown>;
    expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
    expect(Object.keys(converted)).toEqual(['__proto__', 'id']);
    expect((converted as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(converted, '__proto__')?.value).toEqual({ polluted: true });
  });
});

describe('toNeo4j', () => {
  it('sends whole numbers as integers, other numbers as floats, and undefined as null', () => {
    const sent = toNeo4j({ limit: 20, weight: 0.5, after: undefined, ids: [1, 2] }) as Record<string, unknown>;
    expect(neo4j.isInt(sent.limit)).toBe(true);
    expect(sent.weight).toBe(0.5);
    expect(sent.after).toBeNull();
    expect((sent.ids as unknown[]).every((x) => neo4j.isInt(x))).toBe(true);
  });
});
