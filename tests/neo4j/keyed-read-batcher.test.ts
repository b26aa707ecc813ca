/**
 * Keyed reads of concurrent requests share one round trip (src/neo4j/keyed-read-batcher.ts): each
 * caller still gets exactly the rows of its own keys, in the order the statement returned them.
 */
import { KeyedReadBatcher, MAX_KEYS_PER_READ, type ReadFn } from '../../src/neo4j/keyed-read-batcher';
import { openTestDatabase, seedGraph } from '../support/harness';

interface Row {
  key: string;
  n: number;
}

/** A read that answers every key with two rows, numbered in a global order, and records each statement. */
function fakeRead(fail = false) {
  const calls: Array<{ name: string; params: Record<string, unknown> }> = [];
  const read = (async (name: string, params: Record<string, unknown>) => {
    calls.push({ name, params });
    if (fail) throw new Error('the database is down');
    const keys = params.keys as string[];
    // Interleaved: key a's rows are not next to each other, as an ORDER BY on another column would give.
    return [...keys.map((key, i) => ({ key, n: i })), ...keys.map((key, i) => ({ key, n: keys.length + i }))];
  }) as unknown as ReadFn;
  return { read, calls };
}

describe('KeyedReadBatcher', () => {
  it('sends the reads made in one turn of the event loop as one statement over the union of their keys', async () => {
    const { read, calls } = fakeRead();
    const batcher = new KeyedReadBatcher(read);
    const [a, b, c] = await Promise.all([
      batcher.readByKeys<Row>('q', { asOf: '2020-01-01' }, 'keys', ['x']),
      batcher.readByKeys<Row>('q', { asOf: '2020-01-01' }, 'keys', ['y', 'x']),
      batcher.readByKeys<Row>('q', { asOf: '2020-01-01' }, 'keys', ['z']),
    ]);
    expect(calls).toEqual([{ name: 'q', params: { asOf: '2020-01-01', keys: ['x', 'y', 'z'] } }]);
    expect(a).toEqual([
      { key: 'x', n: 0 },
      { key: 'x', n: 3 },
    ]);
    // Several keys: their rows in the statement's order, not grouped by key.
    expect(b).toEqual([
      { key: 'x', n: 0 },
      { key: 'y', n: 1 },
      { key: 'x', n: 3 },
      { key: 'y', n: 4 },
    ]);
    expect(c.map((r) => r.key)).toEqual(['z', 'z']);
  });

  it('keeps apart reads of other queries, other parameters or another keys parameter', async () => {
    const { read, calls } = fakeRead();
    const batcher = new KeyedReadBatcher(read);
    await Promise.all([
      batcher.readByKeys<Row>('q', { asOf: '2020-01-01' }, 'keys', ['x']),
      batcher.readByKeys<Row>('q', { asOf: '2021-01-01' }, 'keys', ['x']),
      batcher.readByKeys<Row>('other', { asOf: '2020-01-01' }, 'keys', ['x']),
      batcher.readByKeys<Row>('q', { asOf: '2020-01-01' }, 'ids', ['x']).catch(() => []),
    ]);
    expect(calls).toHaveLength(4);
  });

  it('does not hold a read back for one made in a later turn', async () => {
    const { read, calls } = fakeRead();
    const batcher = new KeyedReadBatcher(read);
    await batcher.readByKeys<Row>('q', {}, 'keys', ['x']);
    await batcher.readByKeys<Row>('q', {}, 'keys', ['y']);
    expect(calls.map((c) => c.params.keys)).toEqual([['x'], ['y']]);
  });

  it(`sends a statement of at most ${MAX_KEYS_PER_READ} keys`, async () => {
    const { read, calls } = fakeRead();
    const batcher = new KeyedReadBatcher(read);
    const keys = (from: number, n: number) => Array.from({ length: n }, (_, i) => `k${from + i}`);
    const answers = await Promise.all([
      batcher.readByKeys<Row>('q', {}, 'keys', keys(0, 600)),
      batcher.readByKeys<Row>('q', {}, 'keys', keys(600, 600)),
    ]);
    expect(calls.map((c) => (c.params.keys as string[]).length)).toEqual([600, 600]);
    expect(answers.map((rows) => rows.length)).toEqual([1200, 1200]);
  });

  it('passes a failure to every caller of the statement', async () => {
    const { read } = fakeRead(true);
    const batcher = new KeyedReadBatcher(read);
    const results = await Promise.allSettled([batcher.readByKeys<Row>('q', {}, 'keys', ['x']), batcher.readByKeys<Row>('q', {}, 'keys', ['y'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('answers no keys without a statement', async () => {
    const { read, calls } = fakeRead();
    await expect(new KeyedReadBatcher(read).readByKeys<Row>('q', {}, 'keys', [])).resolves.toEqual([]);
    expect(calls).toHaveLength(0);
  });
});

describe('keyed reads against Neo4j', () => {
  it('concurrent look-ups of different people share one statement, each answered with its own person', async () => {
    const db = await openTestDatabase();
    const names: string[] = [];
    const stop = db.onQuery((e) => names.push(e.name));
    try {
      await seedGraph(db);
      names.length = 0;
      const keys = ['wang yi', 'qin gang', 'xi jinping', 'nobody at all'];
      const answers = await Promise.all(keys.map((k) => db.readByKeys<{ key: string; person: { id: string } }>('person/by-name', {}, 'keys', [k])));
      expect(names).toEqual(['person/by-name']);
      expect(answers.map((rows) => rows.map((r) => `${r.key}:${r.person.id}`))).toEqual([['wang yi:wang-yi'], ['qin gang:qin-gang'], ['xi jinping:xi-jinping'], []]);
    } finally {
      stop();
      await db.close();
    }
  });
});
