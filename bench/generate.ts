/**
 * A deterministic fact-file generator: the same options give the same file, byte for byte.
 * Used by bench/import-throughput.ts and meant for any benchmark that needs a big, valid file.
 *
 *   node dist/bench/generate.js --facts 100000 --seed 1 --out /tmp/facts.json
 *
 * Every file it makes imports cleanly: each fact has its own sentence in the document text (so
 * every quote is found exactly once), every participant with a position has a tenure valid on the
 * meeting date, and every name is unique (people are referred to by id, as curated files do).
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { FactFile } from '../src/ingest/model';

export interface GenerateOptions {
  seed: number;
  /** People, each with one open tenure (so `people` tenures). */
  people: number;
  positions: number;
  meetings: number;
  statements?: number;
  rankClaims?: number;
  countries?: number;
  places?: number;
  topics?: number;
  documentId?: string;
  /**
   * Extensions for the API benchmark (bench/run.ts); each one left out keeps the output byte for
   * byte what it was before it existed.
   * - maxParticipants: meetings get 2..maxParticipants participants (the extra ones ATTENDEE); default 2.
   * - meetingDays: meetings fall on 2010-01-01 + [0, meetingDays); default 5000.
   * - rankPool: rank claims only among the first rankPool people, the superior always the lower
   *   index (an acyclic hierarchy, chains several hops deep); default: anyone, either way round.
   * - precedencePerContext: that many positions per rank context get a precedence level (1..n);
   *   their holders take part in no rank claim. Default 0.
   */
  maxParticipants?: number;
  meetingDays?: number;
  rankPool?: number;
  precedencePerContext?: number;
  /**
   * One of several files over the same entities (bench/import-throughput.ts --files): entities come
   * from `seed` alone and are the same in every part; facts, their ids (`p<part>-...`) and the
   * document are the part's own. Left out: the output is what it was before this option existed.
   */
  part?: number;
}

/** The scale the API benchmark uses by default (issue #8): 20,000 people, 2,000 positions, 200,000 meetings. */
export function apiBenchOptions(scale: { people: number; positions: number; meetings: number }, seed = 1): GenerateOptions {
  return {
    seed,
    people: scale.people,
    positions: scale.positions,
    meetings: scale.meetings,
    statements: Math.round(scale.meetings / 10),
    rankClaims: Math.round(scale.people / 5),
    topics: 30,
    countries: 20,
    maxParticipants: 6,
    meetingDays: 15 * 365,
    rankPool: Math.max(10, Math.round(scale.people / 5)),
    precedencePerContext: Math.min(10, Math.max(1, Math.floor(scale.positions / 20))),
  };
}

/** How a total number of facts splits into kinds, in the proportions the bench uses. */
export function optionsForFacts(facts: number, seed = 1): GenerateOptions {
  const people = Math.max(4, Math.round(facts * 0.05));
  const rankClaims = Math.round(facts * 0.05);
  const statements = Math.round(facts * 0.3);
  return { seed, people, positions: Math.max(2, Math.round(people / 25)), rankClaims, statements, meetings: Math.max(1, facts - people - rankClaims - statements) };
}

/** mulberry32: small, fast and the same everywhere (the workloads' rotations use it too). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number, width = 6) => String(n).padStart(width, '0');
/** The name of the i-th generated person; the workloads ask for people by it. */
export const personName = (i: number) => `Person ${pad(i)}`;

function isoDay(daysSince2000: number): string {
  return new Date(Date.UTC(2000, 0, 1) + daysSince2000 * 86_400_000).toISOString().slice(0, 10);
}

export function generateFactFile(options: GenerateOptions): FactFile {
  // Entities draw from the seed's stream, facts from the part's: every part declares the same entities.
  const entityRandom = random(options.seed);
  const factRandom = options.part === undefined ? entityRandom : random(options.seed * 7919 + options.part + 1);
  let rnd = entityRandom;
  const prefix = options.part === undefined ? '' : `p${options.part}-`;
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
  const countries = options.countries ?? 20;
  const places = options.places ?? 50;
  const topics = options.topics ?? 30;
  const documentId = options.documentId ?? `bench-${options.seed}-${options.people}-${options.meetings}${options.part === undefined ? '' : `-part-${options.part}`}`;
  const sentences: string[] = [];
  /** Adds the fact's own sentence to the text and returns it as the quote. */
  const say = (sentence: string) => {
    sentences.push(sentence);
    return sentence;
  };

  const countryIds = Array.from({ length: countries }, (_, i) => `country-${pad(i, 3)}`);
  const organizations = [
    { id: 'bench-wire', name: 'Bench Wire Service', kind: 'MEDIA', aliases: [] as string[] },
    ...countryIds.map((id, i) => ({ id, name: `Country ${pad(i, 3)}`, kind: 'COUNTRY', aliases: [] as string[] })),
  ];
  const placeList = Array.from({ length: places }, (_, i) => ({ id: `city-${pad(i, 3)}`, name: `City ${pad(i, 3)}`, kind: 'CITY', country: pick(countryIds), aliases: [] as string[] }));
  const positionList = Array.from({ length: options.positions }, (_, i) => {
    const country = countryIds[i % countries];
    return { id: `position-${pad(i, 4)}`, title: `Office ${pad(i, 4)}`, aliases: [] as string[], organization: country, jurisdiction: country };
  });
  const topicList = Array.from({ length: topics }, (_, i) => ({ id: `topic-${pad(i, 3)}`, name: `Topic ${pad(i, 3)}`, aliases: [] as string[] }));
  const contexts = countryIds.slice(0, 3).map((c, i) => ({ id: `hierarchy-${i}`, name: `Hierarchy ${i}`, aliases: [] as string[], jurisdiction: c }));

  const people = Array.from({ length: options.people }, (_, i) => ({ id: `person-${pad(i)}`, name: personName(i), aliases: [] as string[] }));
  // One open tenure per person, starting 2000–2009, so every meeting (2010–2023) falls inside it.
  // Tenures are drawn with the entities: every part declares the same ones (with its own evidence).
  const tenures = people.map((p, i) => {
    const position = positionList[i % positionList.length];
    const start = isoDay(Math.floor(rnd() * 3650));
    return {
      id: `tenure-${pad(i)}`,
      person: p.id,
      position: position.id,
      start,
      evidence: [{ quote: say(`${p.name} has held ${position.title} since ${start} (tenure ${pad(i)}).`) }],
    };
  });
  rnd = factRandom;
  const delegationOf = (personIndex: number) => positionList[personIndex % positionList.length].jurisdiction;

  const meetings = Array.from({ length: options.meetings }, (_, i) => {
    const a = Math.floor(rnd() * people.length);
    let b = Math.floor(rnd() * people.length);
    if (b === a) b = (a + 1) % people.length;
    const date = isoDay(3653 + Math.floor(rnd() * (options.meetingDays ?? 5000)));
    const place = pick(placeList);
    const extra: Array<{ person: string; role: string; delegation: string; position: string }> = [];
    if ((options.maxParticipants ?? 2) > 2) {
      const wanted = Math.floor(rnd() * (options.maxParticipants! - 1));
      const taken = new Set([a, b]);
      for (let k = 0; k < wanted; k++) {
        const c = Math.floor(rnd() * people.length);
        if (taken.has(c)) continue;
        taken.add(c);
        extra.push({ person: people[c].id, role: 'ATTENDEE', delegation: delegationOf(c), position: tenures[c].position });
      }
    }
    return {
      id: `${prefix}meeting-${pad(i)}`,
      date,
      place: place.id,
      format: 'IN_PERSON',
      cameo: '040',
      topics: [pick(topicList).id],
      participants: [
        { person: people[a].id, role: 'HOST', delegation: delegationOf(a), position: tenures[a].position },
        { person: people[b].id, role: 'GUEST', delegation: delegationOf(b), title: positionList[b % positionList.length].title },
        ...extra,
      ],
      evidence: [{ quote: say(`On ${date} ${people[a].name} hosted ${people[b].name} in ${place.name} (meeting ${prefix}${pad(i)}).`) }],
    };
  });

  const statements = Array.from({ length: options.statements ?? 0 }, (_, i) => {
    const speaker = pick(people);
    const meeting = meetings.length > 0 ? meetings[Math.floor(rnd() * meetings.length)] : null;
    const topic = pick(topicList);
    const text = `relations on ${topic.name} are improving (statement ${prefix}${pad(i)})`;
    return {
      id: `${prefix}statement-${pad(i)}`,
      speakers: [speaker.id],
      text,
      mode: 'DIRECT',
      date: meeting?.date ?? '2015-01-01',
      meeting: meeting?.id ?? null,
      about: [topic.id],
      evidence: [{ quote: say(`${speaker.name} said that "${text}".`), attributedTo: speaker.id }],
    };
  });

  // Precedence: position k + 20j (j < precedencePerContext) has level j + 1 in context k.
  const perContext = options.precedencePerContext ?? 0;
  const precedencePositions = new Map<number, { context: string; level: number }>();
  contexts.forEach((context, k) => {
    for (let j = 0; j < perContext && k + j * countries < positionList.length; j++) precedencePositions.set(k + j * countries, { context: context.id, level: j + 1 });
  });
  const holdsPrecedence = (personIndex: number) => precedencePositions.has(personIndex % positionList.length);
  const rankPair = (): [number, number] => {
    if (options.rankPool === undefined) {
      const s = Math.floor(rnd() * people.length);
      let f = Math.floor(rnd() * people.length);
      if (f === s) f = (s + 1) % people.length;
      return [s, f];
    }
    const pool = Math.min(options.rankPool, people.length);
    for (let attempt = 0; ; attempt++) {
      const x = Math.floor(rnd() * pool);
      const y = Math.floor(rnd() * pool);
      // (A pool where everyone holds a precedence position gives up the exclusion rather than loop.)
      if (x === y || (attempt < 1000 && (holdsPrecedence(x) || holdsPrecedence(y)))) continue;
      return x < y ? [x, y] : [y, x];
    }
  };
  const rankClaims = Array.from({ length: options.rankClaims ?? 0 }, (_, i) => {
    const [s, f] = rankPair();
    return {
      id: `${prefix}rank-${pad(i)}`,
      superior: people[s].id,
      inferior: people[f].id,
      context: pick(contexts).id,
      date: '2024-01-01',
      basis: [tenures[s].id, tenures[f].id],
      evidence: [{ quote: say(`${people[s].name} ranks above ${people[f].name} (claim ${prefix}${pad(i)}).`) }],
    };
  });

  const precedence = [...precedencePositions].map(([positionIndex, { context, level }]) => {
    const position = positionList[positionIndex];
    return {
      id: `${prefix}precedence-${position.id}`,
      context,
      position: position.id,
      level,
      validFrom: null,
      validTo: null,
      evidence: [{ quote: say(`${position.title} has level ${level} in ${context}.`) }],
    };
  });

  return {
    format: 'diplograph/facts@1',
    document: { id: documentId, title: `Generated benchmark document ${documentId}`, publisher: 'bench-wire', publishedAt: '2024-01-02', language: 'en', text: sentences.join('\n') },
    people,
    organizations,
    places: placeList,
    positions: positionList,
    topics: topicList,
    rankContexts: contexts,
    tenures,
    meetings,
    statements,
    rankClaims,
    ...(precedence.length > 0 ? { precedence } : {}),
  } as FactFile;
}

/** The number of facts in a generated file. */
export function factCount(file: FactFile): number {
  return (file.tenures?.length ?? 0) + (file.meetings?.length ?? 0) + (file.statements?.length ?? 0) + (file.rankClaims?.length ?? 0) + (file.precedence?.length ?? 0);
}

/**
 * Writes the file as JSON one record at a time, so that a file of millions of facts never has
 * to exist as one string in memory.
 */
export async function writeFactFileJson(file: FactFile, path: string): Promise<void> {
  const out = fs.createWriteStream(path, { encoding: 'utf8' });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const entries = Object.entries(file).filter(([, v]) => v !== undefined);
  await write('{\n');
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i];
    await write(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(value)) {
      await write('[\n');
      for (let j = 0; j < value.length; j++) await write(`    ${JSON.stringify(value[j])}${j < value.length - 1 ? ',' : ''}\n`);
      await write('  ]');
    } else {
      await write(JSON.stringify(value));
    }
    await write(i < entries.length - 1 ? ',\n' : '\n');
  }
  await write('}\n');
  out.end();
  await once(out, 'finish');
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

if (require.main === module) {
  (async () => {
    const facts = Number(argument('facts', '100000'));
    const seed = Number(argument('seed', '1'));
    const out = argument('out', `facts-${facts}.json`);
    const file = generateFactFile(optionsForFacts(facts, seed));
    await writeFactFileJson(file, out);
    process.stdout.write(`${out}: ${factCount(file)} facts\n`);
  })().catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
}
