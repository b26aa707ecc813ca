import fs from 'node:fs';
import fc from 'fast-check';
import YAML from 'yaml';
import { ImportError, importText } from '../../src/ingest/importer';
import { seedFiles } from '../../src/ingest/seed';
import { type TestServer, seedGraph, startTestServer } from '../support/harness';
import { graphFingerprint } from '../security/support';

/**
 * Malformed fact files — the seed files with fields removed, retyped, renamed, duplicated or
 * garbled, and their text cut or mangled — fed to the importer: each is refused with an
 * ImportError that lists its problems (or, when the change happens to be valid, imported), never
 * another exception, and a refused file changes nothing in the graph.
 */
jest.setTimeout(400_000);

const RUNS = Number(process.env.FUZZ_IMPORT_RUNS ?? 250);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '2023-02-30', '2023', 'not-a-date', 'UNKNOWN_KIND', 'Blinken', 'x'.repeat(500), '}) DETACH DELETE n //', 'HOST'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([] as Json[]),
  fc.constant({} as Record<string, Json>),
) as fc.Arbitrary<Json>;

/** Every path to a value in the document, with the value's parent and key. */
function slots(value: Json, path: Array<string | number> = [], out: Array<{ parent: Json[] | Record<string, Json>; key: string | number; path: string }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push({ parent: value, key: i, path: [...path, i].join('.') }), slots(v, [...path, i], out)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value, key: k, path: [...path, k].join('.') });
      slots(v, [...path, k], out);
    }
  }
  return out;
}

function mutate(g: fc.GeneratorValue, data: Json): void {
  const all = slots(data);
  const edits = g(fc.integer, { min: 1, max: 3 });
  for (let i = 0; i < edits; i++) {
    const slot = all[g(fc.integer, { min: 0, max: all.length - 1 })];
    const parent = slot.parent as Record<string | number, Json>;
    switch (g(fc.integer, { min: 0, max: 4 })) {
      case 0:
        if (Array.isArray(parent)) parent.splice(slot.key as number, 1);
        else delete parent[slot.key];
        break;
      case 1:
        parent[slot.key] = g(() => junk);
        break;
      case 2:
        if (!Array.isArray(parent)) parent[`${slot.key}x`] = parent[slot.key] ?? null; // an unknown field
        break;
      case 3:
        if (Array.isArray(parent)) parent.push(JSON.parse(JSON.stringify(parent[slot.key] ?? null))); // a duplicate id
        break;
      default:
        if (typeof parent[slot.key] === 'string') parent[slot.key] = `${parent[slot.key]}${g(() => junk)}`;
    }
  }
}

describe('fuzzing the importer with malformed fact files', () => {
  let server: TestServer;
  let originals: Json[];
  beforeAll(async () => {
    server = await startTestServer();
    await seedGraph(server.db);
    originals = seedFiles().map((f) => YAML.parse(fs.readFileSync(f, 'utf8')) as Json);
  });
  afterAll(() => server.stop());

  it(`refuses ${RUNS} malformed files with ImportError only, and a refused file changes nothing`, async () => {
    let fingerprint = await graphFingerprint(server.db);
    const seen = { refused: 0, imported: 0 };
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const data = JSON.parse(JSON.stringify(originals[g(fc.integer, { min: 0, max: originals.length - 1 })])) as Json;
        mutate(g, data);
        let text = g(fc.boolean) ? YAML.stringify(data) : JSON.stringify(data);
        const damage = g(fc.integer, { min: 0, max: 9 });
        if (damage === 0) text = text.slice(0, g(fc.integer, { min: 0, max: text.length }));
        if (damage === 1) text = text.replace(/[:\]}]/, '');
        if (damage === 2) text = g(fc.string, { maxLength: 200 });
        try {
          await importText(server.db, text, { by: 'fuzz', filename: 'fuzz.yaml' });
          seen.imported += 1;
          // A valid variant may change the graph: what must hold is that a refused one never does.
          fingerprint = await graphFingerprint(server.db);
        } catch (error) {
          if (!(error instanceof ImportError)) throw new Error(`not an ImportError: ${(error as Error)?.stack ?? error}`);
          expect(error.problems.length).toBeGreaterThan(0);
          for (const p of error.problems) expect(typeof p.message).toBe('string');
          seen.refused += 1;
          expect(await graphFingerprint(server.db)).toEqual(fingerprint);
        }
      }),
      { numRuns: RUNS, endOnFailure: true, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect(seen.refused).toBeGreaterThan(RUNS / 2);
    console.info(`import fuzz: ${RUNS} files, ${seen.refused} refused with ImportError, ${seen.imported} valid variants imported`);
  });
});
