/**
 * A second, larger test graph, generated deterministically and imported through the real importer
 * as one fact file (`diplograph/facts@1`, JSON text). Three fictional states, three rank contexts:
 *
 * - Ruritanian state protocol (`ruritania-state`, precedence): President (level 1), Premier and
 *   Vice-President (level 2: a tie), 10 ministers (3), 20 deputies (4), 30 envoys (5). The
 *   presidency changes hands on 2021-01-01 (official-001 → official-002), the vice-presidency on
 *   2022-01-01 (official-004 → official-005, who is also minister-01 since 2019: level 3, then 2).
 *   Half of the envoy posts change holders on 2020-07-01. One claim: deputy official-015 ranks
 *   above official-280 (who holds no Ruritanian post), so precedence and a claim chain.
 * - Freedonian cabinet order (`freedonia-cabinet`, precedence): Chancellor (1), 20 ministers (2),
 *   40 secretaries (3). One claim: minister official-102 above official-241.
 * - Syldavian party hierarchy (`syldavia-party`, claims only): a chain of 12 claims
 *   official-201 > 202 > … > 213 (longer than the 10-hop closure cap); a contradiction
 *   (220 > 221 and 221 > 220, both from 2016); two claims whose intervals never overlap
 *   (230 > 231 holds 2014–2017, 231 > 232 from 2020); and official-241 > official-242 (so 102 →
 *   241 → 242 would cross contexts).
 * - Meetings: 2,500 two-person meetings among official-001…270 (pseudo-random, 2018–2024), and a
 *   line official-281 – 282 – … – 300 of meetings among themselves only (281 → 287 is 6 hops).
 *   A trip, an invitation and statements for the other edge kinds.
 *
 * Every fact has one evidence sentence of its own in the document text.
 */
import { importText, type ImportReport } from '../../src/ingest/importer';
import type { Database } from '../../src/neo4j/database';

export const LARGE_DOCUMENT_ID = 'generated-large-graph';

export const pid = (n: number) => `official-${String(n).padStart(3, '0')}`;
const pname = (n: number) => `Official ${String(n).padStart(3, '0')}`;
const two = (n: number) => String(n).padStart(2, '0');

export const LARGE = {
  people: 300,
  randomMeetings: 2500,
  contexts: { ruritania: 'ruritania-state', freedonia: 'freedonia-cabinet', syldavia: 'syldavia-party' },
  /** official-201 > 202 > … > 213: twelve claims. */
  chain: Array.from({ length: 13 }, (_, i) => pid(201 + i)),
  contradiction: [pid(220), pid(221)] as const,
  disjoint: [pid(230), pid(231), pid(232)] as const,
  line: Array.from({ length: 20 }, (_, i) => pid(281 + i)),
} as const;

interface Evidence {
  quote: string;
}

/** A deterministic pseudo-random sequence (an LCG), so the graph is the same on every run. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The fact file of the large graph, as a plain object. */
export function largeGraphFactFile(): Record<string, unknown> {
  const sentences: string[] = [];
  const say = (sentence: string): Evidence[] => {
    sentences.push(sentence);
    return [{ quote: sentence }];
  };

  const people = Array.from({ length: LARGE.people }, (_, i) => ({ id: pid(i + 1), name: pname(i + 1), aliases: [] as string[] }));
  const organizations = [
    { id: 'generated-press', name: 'Generated Press', kind: 'MEDIA', aliases: [] },
    { id: 'ruritania', name: 'Ruritania', kind: 'COUNTRY', aliases: [] },
    { id: 'freedonia', name: 'Freedonia', kind: 'COUNTRY', aliases: [] },
    { id: 'syldavia', name: 'Syldavia', kind: 'COUNTRY', aliases: [] },
  ];
  const rankContexts = [
    { id: LARGE.contexts.ruritania, name: 'Ruritanian state protocol', aliases: ['Ruritanian protocol'], jurisdiction: 'ruritania' },
    { id: LARGE.contexts.freedonia, name: 'Freedonian cabinet order', aliases: [], jurisdiction: 'freedonia' },
    { id: LARGE.contexts.syldavia, name: 'Syldavian party hierarchy', aliases: [], jurisdiction: 'syldavia' },
  ];

  const positions: Array<{ id: string; title: string; organization: string; jurisdiction: string; aliases: string[] }> = [];
  const precedence: unknown[] = [];
  const position = (id: string, title: string, country: string, context: string | null, level: number | null) => {
    positions.push({ id, title, organization: country, jurisdiction: country, aliases: [] });
    if (context && level !== null) {
      precedence.push({
        id: `prec-${id}`,
        context,
        position: id,
        level,
        validFrom: null,
        validTo: null,
        evidence: say(`In the ${context} order the post ${title} stands at level ${level}.`),
      });
    }
  };

  const tenures: Array<Record<string, unknown>> = [];
  const tenure = (person: number, positionId: string, start: string, end: string | null = null) => {
    const id = `tenure-${pid(person)}-${positionId}-${start}`;
    tenures.push({
      id,
      person: pid(person),
      position: positionId,
      start,
      end,
      ...(end ? { endCause: 'REPLACED' } : {}),
      evidence: say(`${pname(person)} held the post ${positionId} from ${start}${end ? ` until ${end}` : ''}.`),
    });
    return id;
  };

  // Ruritania.
  const ru = LARGE.contexts.ruritania;
  position('ru-president', 'President of Ruritania', 'ruritania', ru, 1);
  position('ru-premier', 'Premier of Ruritania', 'ruritania', ru, 2);
  position('ru-vice-president', 'Vice-President of Ruritania', 'ruritania', ru, 2);
  tenure(1, 'ru-president', '2018-01-01', '2021-01-01');
  tenure(2, 'ru-president', '2021-01-01');
  tenure(3, 'ru-premier', '2018-01-01');
  tenure(4, 'ru-vice-president', '2018-01-01', '2022-01-01');
  tenure(5, 'ru-vice-president', '2022-01-01');
  for (let i = 1; i <= 10; i++) {
    position(`ru-minister-${two(i)}`, `Ruritanian Minister No. ${i}`, 'ruritania', ru, 3);
    if (i === 1) tenure(5, 'ru-minister-01', '2019-01-01');
    else tenure(4 + i, `ru-minister-${two(i)}`, '2018-01-01');
  }
  const deputyTenure: Record<number, string> = {};
  for (let i = 1; i <= 20; i++) {
    position(`ru-deputy-${two(i)}`, `Ruritanian Deputy No. ${i}`, 'ruritania', ru, 4);
    deputyTenure[14 + i] = tenure(14 + i, `ru-deputy-${two(i)}`, '2018-01-01');
  }
  for (let i = 1; i <= 30; i++) {
    position(`ru-envoy-${two(i)}`, `Ruritanian Envoy No. ${i}`, 'ruritania', ru, 5);
    if (i <= 15) {
      tenure(34 + i, `ru-envoy-${two(i)}`, '2018-01-01', '2020-07-01');
      tenure(49 + i, `ru-envoy-${two(i)}`, '2020-07-01');
    } else {
      tenure(49 + i, `ru-envoy-${two(i)}`, '2018-01-01');
    }
  }

  // Freedonia.
  const fr = LARGE.contexts.freedonia;
  position('fr-chancellor', 'Chancellor of Freedonia', 'freedonia', fr, 1);
  tenure(101, 'fr-chancellor', '2017-01-01');
  const frMinisterTenure: Record<number, string> = {};
  for (let i = 1; i <= 20; i++) {
    position(`fr-minister-${two(i)}`, `Freedonian Minister No. ${i}`, 'freedonia', fr, 2);
    frMinisterTenure[101 + i] = tenure(101 + i, `fr-minister-${two(i)}`, '2017-01-01');
  }
  for (let i = 1; i <= 40; i++) {
    position(`fr-secretary-${two(i)}`, `Freedonian Secretary No. ${i}`, 'freedonia', fr, 3);
    tenure(121 + i, `fr-secretary-${two(i)}`, '2017-01-01');
  }

  // Syldavia: party members, no precedence (rank by claims only).
  const syTenure: Record<number, string> = {};
  for (let n = 201; n <= 260; n++) {
    const post = `sy-member-${n - 200}`;
    position(post, `Member No. ${n - 200} of the Syldavian Party Bureau`, 'syldavia', null, null);
    const [start, end] = n === 230 ? ['2014-01-01', '2017-01-01'] : n === 231 ? ['2014-01-01', null] : n === 232 ? ['2020-01-01', null] : ['2016-01-01', null];
    syTenure[n] = tenure(n, post, start, end);
  }

  const rankClaims: unknown[] = [];
  const claim = (sup: number, inf: number, context: string, date: string, basis: string[]) =>
    rankClaims.push({
      id: `rank-${pid(sup)}-above-${pid(inf)}-${context}`,
      superior: pid(sup),
      inferior: pid(inf),
      context,
      date,
      basis,
      evidence: say(`In the ${context} order ${pname(sup)} ranks above ${pname(inf)}, a source said of ${date}.`),
    });
  const sy = LARGE.contexts.syldavia;
  for (let n = 201; n < 213; n++) claim(n, n + 1, sy, '2019-05-01', [syTenure[n], syTenure[n + 1]]);
  claim(220, 221, sy, '2019-05-01', [syTenure[220], syTenure[221]]);
  claim(221, 220, sy, '2019-06-01', [syTenure[221], syTenure[220]]);
  claim(230, 231, sy, '2015-05-01', [syTenure[230], syTenure[231]]);
  claim(231, 232, sy, '2021-05-01', [syTenure[231], syTenure[232]]);
  claim(241, 242, sy, '2019-05-01', [syTenure[241], syTenure[242]]);
  claim(102, 241, fr, '2019-05-01', [frMinisterTenure[102], syTenure[241]]);
  claim(15, 280, ru, '2019-05-01', [deputyTenure[15]]);

  // Meetings: random pairs among 1…270, and the isolated line 281 – … – 300.
  const meetings: unknown[] = [];
  const meeting = (id: string, a: number, b: number, date: string) =>
    meetings.push({
      id,
      date,
      format: 'IN_PERSON',
      cameo: '040',
      participants: [
        { person: pid(a), role: 'HOST' },
        { person: pid(b), role: 'GUEST' },
      ],
      evidence: say(`Meeting ${id}: ${pname(a)} received ${pname(b)} on ${date}.`),
    });
  const random = lcg(20240601);
  for (let i = 1; i <= LARGE.randomMeetings; i++) {
    const a = 1 + random(270);
    let b = 1 + random(270);
    if (b === a) b = (a % 270) + 1;
    meeting(`gen-meeting-${String(i).padStart(4, '0')}`, a, b, addDays('2018-01-01', random(2557)));
  }
  for (let n = 281; n < 300; n++) meeting(`gen-line-meeting-${n}`, n, n + 1, addDays('2023-01-01', n - 281));

  const trips = [
    {
      id: 'gen-trip-001-freedonia',
      travellers: [pid(1), pid(3)],
      destination: 'freedonia',
      startDate: '2019-03-01',
      endDate: '2019-03-04',
      evidence: say('Official 001 and Official 003 travelled to Freedonia from 2019-03-01 to 2019-03-04.'),
    },
  ];
  const invitations = [
    {
      id: 'gen-invitation-001-101',
      inviter: pid(1),
      invitee: pid(101),
      destination: 'ruritania',
      date: '2019-03-02',
      status: 'EXTENDED',
      evidence: say('Official 001 invited Official 101 to Ruritania on 2019-03-02.'),
    },
  ];
  const statements = [
    {
      id: 'gen-statement-002',
      speakers: [pid(2)],
      text: 'Ruritania stands ready',
      mode: 'DIRECT',
      date: '2021-02-01',
      evidence: say('Official 002 said on 2021-02-01: Ruritania stands ready.'),
    },
  ];

  return {
    format: 'diplograph/facts@1',
    document: {
      id: LARGE_DOCUMENT_ID,
      title: 'A generated record of three fictional states',
      publisher: 'generated-press',
      publishedAt: '2025-01-01',
      language: 'en',
      text: sentences.join('\n'),
    },
    people,
    organizations,
    positions,
    rankContexts,
    tenures,
    meetings,
    trips,
    invitations,
    statements,
    rankClaims,
    precedence,
  };
}

/** Imports the large graph (on top of whatever the graph holds; reset it first for a clean one). */
export async function importLargeGraph(db: Database): Promise<ImportReport> {
  return importText(db, JSON.stringify(largeGraphFactFile()), { filename: 'generated-large-graph.json', by: 'test' });
}
