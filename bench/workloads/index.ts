/**
 * The six workloads of the API benchmark (issue #8). Each is written three times, one per
 * contender, asking for the same information:
 *   - `graphql`: the document sent to diplograph;
 *   - `cypher`: the hand-tuned Cypher the floor runs through neo4j-driver (one round trip);
 *   - `peer`: the document sent to @neo4j/graphql 7 (typeDefs in bench/contenders/peer-typedefs.ts).
 * `params(i)` rotates through a fixed, seeded list of arguments, so that every contender gets the
 * same sequence of requests and no cache makes the run trivial. `canon` turns a contender's answer
 * into a sorted list of ids, compared once per workload before timing.
 */
import { nameKey } from '../../src/common/names';
import { type GenerateOptions, pad, personName, random } from '../generate';

export type ContenderName = 'diplograph' | 'floor' | 'peer';
export type Params = Record<string, unknown>;

export interface Workload {
  id: 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6';
  title: string;
  graphql: string;
  cypher: string;
  peer: string;
  /** The i-th parameters of the rotation (the same for every contender). */
  params(i: number): Params;
  /** The same parameters as each contender takes them (names vs ids, name keys). */
  variables(contender: ContenderName, params: Params): Params;
  canon(contender: ContenderName, data: unknown): string[];
}

/** What the workloads need to know about the generated graph (from the generator's options). */
export interface DatasetInfo {
  options: GenerateOptions;
  /** The people who are the inferior of some rank claim (W4 asks who outranks them). */
  rankedPeople: string[];
}

const ROTATION = 512;
const isoDay = (days: number) => new Date(Date.UTC(2010, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

function rotation<T>(seed: number, make: (rnd: () => number) => T): (i: number) => T {
  const rnd = random(seed);
  const list = Array.from({ length: ROTATION }, () => make(rnd));
  return (i) => list[i % list.length];
}

const ids = (list: unknown) => (Array.isArray(list) ? list : []).map((x) => String((x as { id: string }).id));
const sorted = (list: string[]) => [...new Set(list)].sort();

/** The date "current positions" are asked for: after every generated tenure started, none ends. */
const CURRENT = '2025-06-01';

export function workloads(info: DatasetInfo): Workload[] {
  const { people, meetingDays = 5000, countries = 20 } = info.options;
  const pickPerson = (rnd: () => number) => Math.floor(rnd() * people);
  return [
    {
      id: 'W1',
      title: 'person by name with current positions',
      graphql: `query W1($name: String!, $asOf: Date!) {
  person(name: $name) { id name positions(asOf: $asOf) { id start end position { id title } } }
}`,
      cypher: `MATCH (:Name {key: $key})-[:NAMES]->(p:Person)
OPTIONAL MATCH (p)-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE NOT t:Retracted AND t.start <= date($asOf) AND (t.end IS NULL OR date($asOf) < t.end)
WITH p, t, pos ORDER BY t.start, t.id
RETURN p.id AS id, p.name AS name,
       [x IN collect({id: t.id, start: toString(t.start), end: toString(t.end), position: {id: pos.id, title: pos.title}}) WHERE x.id IS NOT NULL] AS positions`,
      peer: `query W1($name: String!, $asOf: Date!) {
  people(where: { name: { eq: $name } }) {
    id name
    held(where: { start: { lte: $asOf }, OR: [{ end: { eq: null } }, { end: { gt: $asOf } }] }) { id start end position { id title } }
  }
}`,
      params: rotation(101, (rnd) => ({ name: personName(pickPerson(rnd)), asOf: CURRENT })),
      variables: (c, p) => (c === 'floor' ? { key: nameKey(p.name as string), asOf: p.asOf } : p),
      canon: (c, data) => {
        const person = c === 'floor' ? (data as Params[])[0] : c === 'peer' ? (data as { people: Params[] }).people[0] : (data as { person: Params }).person;
        if (!person) return [];
        return [String(person.id), ...sorted(ids(c === 'peer' ? person.held : person.positions))];
      },
    },
    {
      id: 'W2',
      title: 'counterparts in a date window, with counts',
      graphql: `query W2($name: String!, $from: Date!, $to: Date!) {
  person(name: $name) { id counterparts(from: $from, to: $to) { count first last person { id name } } }
}`,
      cypher: `MATCH (:Name {key: $key})-[:NAMES]->(p:Person)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(o:Person)
WHERE o <> p AND NOT m:Retracted AND m.date <= date($to) AND coalesce(m.endDate, m.date) >= date($from)
WITH o, count(DISTINCT m) AS count, min(m.date) AS first, max(m.date) AS last
RETURN o.id AS id, o.name AS name, count, toString(first) AS first, toString(last) AS last
ORDER BY count DESC, name`,
      // The peer has no aggregation over a two-hop pattern: the obvious query fetches the meetings
      // of the window with their participants, and the client counts.
      peer: `query W2($name: String!, $from: Date!, $to: Date!) {
  people(where: { name: { eq: $name } }) {
    id
    meetings(where: { date: { gte: $from, lte: $to } }) { id date participants { id name } }
  }
}`,
      params: rotation(202, (rnd) => {
        const start = Math.floor(rnd() * Math.max(1, meetingDays - 3 * 365));
        return { name: personName(pickPerson(rnd)), from: isoDay(start), to: isoDay(start + 3 * 365) };
      }),
      variables: (c, p) => (c === 'floor' ? { key: nameKey(p.name as string), from: p.from, to: p.to } : p),
      canon: (c, data) => {
        if (c === 'floor') return sorted((data as Params[]).map((r) => `${r.id}:${r.count}`));
        if (c === 'diplograph') {
          const person = (data as { person: { counterparts: Array<{ count: number; person: { id: string } }> } | null }).person;
          return sorted((person?.counterparts ?? []).map((x) => `${x.person.id}:${x.count}`));
        }
        const person = (data as { people: Array<{ id: string; meetings: Array<{ participants: Array<{ id: string }> }> }> }).people[0];
        const counts = new Map<string, number>();
        for (const m of person?.meetings ?? []) for (const x of m.participants) if (x.id !== person.id) counts.set(x.id, (counts.get(x.id) ?? 0) + 1);
        return sorted([...counts].map(([id, n]) => `${id}:${n}`));
      },
    },
    {
      id: 'W3',
      title: 'person → 20 meetings → participants → their tenure at the time',
      graphql: `query W3($name: String!) {
  person(name: $name) {
    id
    meetings(first: 20) {
      nodes { id date participants { role person { id name } tenure { id start position { id title } } } }
    }
  }
}`,
      cypher: `MATCH (:Name {key: $key})-[:NAMES]->(p:Person)
CALL (p) {
  MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting) WHERE NOT m:Retracted
  RETURN m ORDER BY m.date, m.id LIMIT 20
}
CALL (m) {
  MATCH (x:Person)-[r:PARTICIPATED_IN]->(m)
  OPTIONAL CALL (x, r) {
    MATCH (x)-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position) WHERE t.id = r.tenureId
    RETURN {id: t.id, start: toString(t.start), position: {id: pos.id, title: pos.title}} AS tenure
  }
  RETURN collect({role: r.role, person: {id: x.id, name: x.name}, tenure: tenure}) AS participants
}
RETURN m.id AS id, toString(m.date) AS date, participants
ORDER BY m.date, m.id`,
      // The tenure at the time is not expressible in the peer's filters (it depends on the meeting's
      // date); each generated person holds one tenure, so the peer asks for the person's tenures.
      peer: `query W3($name: String!) {
  people(where: { name: { eq: $name } }) {
    id
    meetings(limit: 20, sort: [{ date: ASC }, { id: ASC }]) {
      id date
      participantsConnection { edges { properties { role } node { id name held { id start position { id title } } } } }
    }
  }
}`,
      params: rotation(303, (rnd) => ({ name: personName(pickPerson(rnd)) })),
      variables: (c, p) => (c === 'floor' ? { key: nameKey(p.name as string) } : p),
      canon: (c, data) => {
        const rows: Array<{ id: string; people: Array<{ id: string; tenure?: string }> }> = [];
        if (c === 'floor') {
          for (const m of data as Array<{ id: string; participants: Array<{ person: { id: string }; tenure: { id: string } | null }> }>) {
            rows.push({ id: m.id, people: m.participants.map((x) => ({ id: x.person.id, tenure: x.tenure?.id })) });
          }
        } else if (c === 'diplograph') {
          const person = (data as { person: { meetings: { nodes: Array<{ id: string; participants: Array<{ person: { id: string }; tenure: { id: string } | null }> }> } } | null }).person;
          for (const m of person?.meetings.nodes ?? []) rows.push({ id: m.id, people: m.participants.map((x) => ({ id: x.person.id, tenure: x.tenure?.id })) });
        } else {
          const person = (data as { people: Array<{ meetings: Array<{ id: string; participantsConnection: { edges: Array<{ node: { id: string; held: Array<{ id: string }> } }> } }> }> }).people[0];
          for (const m of person?.meetings ?? []) rows.push({ id: m.id, people: m.participantsConnection.edges.map((e) => ({ id: e.node.id, tenure: e.node.held[0]?.id })) });
        }
        // The peer cannot ask for the tenure valid on the meeting's date (a guest named by title has
        // none): meetings and participants are compared; tenures are checked by the tests.
        return rows.map((m) => `${m.id}:${sorted(m.people.map((x) => x.id)).join(',')}`);
      },
    },
    {
      id: 'W4',
      title: 'who outranks a person, transitively, as of a date',
      graphql: `query W4($name: String!, $asOf: Date!) {
  person(name: $name) { id outrankedBy(asOf: $asOf) { hops person { id name } context { id } } }
}`,
      // One context along each chain, every step valid on the day (validFrom <= D < validTo).
      cypher: `MATCH (:Name {key: $key})-[:NAMES]->(p:Person)
MATCH (s:Person) ((:Person)-[r:RANKS_ABOVE WHERE (r.validFrom IS NULL OR r.validFrom <= date($asOf)) AND (r.validTo IS NULL OR date($asOf) < r.validTo)]->(:Person))+ (p)
WHERE all(x IN r WHERE x.contextId = r[0].contextId)
WITH s, r[0].contextId AS context, min(size(r)) AS hops
RETURN s.id AS id, s.name AS name, context, hops
ORDER BY hops, id`,
      peer: `query W4($name: String!, $asOf: Date!) {
  people(where: { name: { eq: $name } }) { id outrankedBy(asOf: $asOf) { id name } }
}`,
      params: rotation(404, (rnd) => {
        const ranked = info.rankedPeople.length > 0 ? info.rankedPeople : [personName(0)];
        return { name: ranked[Math.floor(rnd() * ranked.length)], asOf: isoDay(Math.floor(rnd() * meetingDays)) };
      }),
      variables: (c, p) => (c === 'floor' ? { key: nameKey(p.name as string), asOf: p.asOf } : p),
      canon: (c, data) => {
        if (c === 'floor') return sorted((data as Params[]).map((r) => String(r.id)));
        if (c === 'diplograph') return sorted(((data as { person: { outrankedBy: Array<{ person: { id: string } }> } | null }).person?.outrankedBy ?? []).map((s) => s.person.id));
        return sorted(ids((data as { people: Array<{ outrankedBy: unknown }> }).people[0]?.outrankedBy));
      },
    },
    {
      id: 'W5',
      title: 'shortest path between two people (meetings), at most 4 hops',
      graphql: `query W5($from: String!, $to: String!) {
  shortestPath(from: $from, to: $to, via: [MEETING], maxHops: 4) { length nodes { id kind } }
}`,
      // Looking the two people up through their Name nodes in the same statement made the planner
      // give up the bidirectional search (timeouts); by the indexed Person.name it keeps it.
      cypher: `MATCH (a:Person {name: $from}), (b:Person {name: $to})
MATCH p = SHORTEST 1 (a) ((:Person)-[:PARTICIPATED_IN]->(m:Meeting WHERE NOT m:Retracted)<-[:PARTICIPATED_IN]-(:Person)){0,4} (b)
RETURN length(p) / 2 AS length, [n IN nodes(p) | n.id] AS nodes`,
      peer: `query W5($from: String!, $to: String!) {
  shortestMeetingPath(from: $from, to: $to) { id }
}`,
      params: rotation(505, (rnd) => {
        const a = pickPerson(rnd);
        let b = pickPerson(rnd);
        if (b === a) b = (a + 1) % people;
        return { from: personName(a), to: personName(b) };
      }),
      variables: (_c, p) => p,
      // Paths of equal length may differ; the length (person hops) must agree.
      canon: (c, data) => {
        if (c === 'floor') {
          const row = (data as Array<{ length: number }>)[0];
          return [String(row ? row.length : 'none')];
        }
        if (c === 'diplograph') {
          const path = (data as { shortestPath: { length: number } | null }).shortestPath;
          return [String(path ? path.length : 'none')];
        }
        const nodes = (data as { shortestMeetingPath: unknown[] }).shortestMeetingPath;
        return [String(nodes.length > 0 ? nodes.length - 1 : 'none')];
      },
    },
    {
      id: 'W6',
      title: 'meetings between two countries in a date range, 50 a page',
      graphql: `query W6($a: String!, $b: String!, $from: Date!, $to: Date!) {
  bilateral(a: $a, b: $b) { meetings(from: $from, to: $to, first: 50) { nodes { id date } pageInfo { hasNextPage endCursor } } }
}`,
      cypher: `MATCH (a:Organization {id: $a})<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(b:Organization {id: $b})
WHERE NOT m:Retracted AND m.date <= date($to) AND coalesce(m.endDate, m.date) >= date($from)
RETURN m.id AS id, toString(m.date) AS date
ORDER BY m.date, m.id LIMIT 51`,
      peer: `query W6($a: ID!, $b: ID!, $from: Date!, $to: Date!) {
  meetings(
    where: { date: { gte: $from, lte: $to }, AND: [{ involves: { some: { id: { eq: $a } } } }, { involves: { some: { id: { eq: $b } } } }] }
    sort: [{ date: ASC }, { id: ASC }]
    limit: 51
  ) { id date }
}`,
      params: rotation(606, (rnd) => {
        const a = Math.floor(rnd() * countries);
        let b = Math.floor(rnd() * countries);
        if (b === a) b = (a + 1) % countries;
        const start = Math.floor(rnd() * Math.max(1, meetingDays - 2 * 365));
        return { a: `country-${pad(a, 3)}`, b: `country-${pad(b, 3)}`, from: isoDay(start), to: isoDay(start + 2 * 365) };
      }),
      variables: (_c, p) => p,
      canon: (c, data) => {
        if (c === 'floor') return (data as Array<{ id: string }>).slice(0, 50).map((r) => r.id);
        if (c === 'diplograph') return ids((data as { bilateral: { meetings: { nodes: unknown } } }).bilateral.meetings.nodes);
        return ids((data as { meetings: unknown[] }).meetings.slice(0, 50));
      },
    },
  ];
}
