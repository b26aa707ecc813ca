import type { Database } from '../neo4j/database';
import { requirePerson } from '../person/person.repository';
import { meetingNetworkMeasures, type PersonMeasureRecord } from '../network/measures';
import type { ExportEdge, ExportNode, ExportQuery, NodeKind } from './model';
import { streamRows, type StreamOptions } from './stream';

/** The ids of a subgraph, by kind (the named queries take them as three lists). */
export interface NodeIds {
  people: string[];
  meetings: string[];
  positions: string[];
}

/**
 * What an export reads: the nodes, then the edges, each an async stream straight from Neo4j, and
 * how many of each to expect (for progress). The whole graph is never held: rows are written as
 * they arrive. A person's network is first walked breadth-first (only its ids are held, one set
 * per kind), then streamed like the whole graph.
 */
export class GraphSource {
  private ids: NodeIds | null = null;
  private measures: Map<string, PersonMeasureRecord> | null = null;
  /** The person the export centres on, once resolved. */
  person: { id: string; name: string } | null = null;
  /** Expected nodes and edges: exact for the whole graph; edges unknown (null) for a subgraph. */
  expected: { nodes: number; edges: number | null } = { nodes: 0, edges: null };

  constructor(
    private readonly db: Database,
    readonly query: ExportQuery,
    private readonly options: StreamOptions = {},
  ) {}

  /** Resolves the person, walks their network, computes the measures and counts: everything before the first row. */
  async prepare(): Promise<void> {
    const { from, to } = this.query;
    if (this.query.person !== null) {
      const person = await requirePerson(this.db, this.query.person, 'person');
      this.person = { id: person.id, name: person.name };
      this.ids = await this.walk(person.id);
    }
    if (this.query.measures || this.query.view === 'meetings') {
      this.measures = new Map((await meetingNetworkMeasures(this.db, { from, to })).map((m) => [m.personId, m]));
    }
    if (this.query.view === 'meetings') {
      this.expected = { nodes: this.ids ? this.ids.people.filter((id) => this.measures!.has(id)).length : this.measures!.size, edges: null };
    } else if (this.ids) {
      this.expected = { nodes: this.ids.people.length + this.ids.meetings.length + this.ids.positions.length, edges: null };
    } else {
      const [counts] = await this.db.read<{ nodes: number; edges: number }>('export/count-all', { from, to });
      this.expected = counts;
    }
  }

  /** The nodes, as Neo4j streams them; people carry their measures when asked for. */
  async *nodes(): AsyncGenerator<ExportNode> {
    const { from, to } = this.query;
    if (this.query.view === 'meetings') {
      yield* this.meetingNetworkNodes();
      return;
    }
    const rows = this.ids
      ? streamRows<ExportNode>(this.db, 'export/nodes-by-id', { ...this.ids }, this.options)
      : streamRows<ExportNode>(this.db, 'export/all-nodes', { from, to }, this.options);
    for await (const node of rows) yield this.withMeasures(node);
  }

  /** The edges among the nodes, as Neo4j streams them, each with its evidence. */
  async *edges(): AsyncGenerator<ExportEdge> {
    const { from, to } = this.query;
    if (this.query.view === 'meetings') {
      const people = this.ids ? this.ids.people : null;
      type Pair = { a: string; b: string; weight: number; first: string; last: string };
      for await (const pair of streamRows<Pair>(this.db, 'network/meeting-pairs', { from, to, people }, this.options)) {
        yield {
          id: `${pair.a}|${pair.b}`,
          kind: 'MET',
          source: pair.a,
          target: pair.b,
          label: pair.weight === 1 ? 'met once' : `met ${pair.weight} times`,
          validFrom: pair.first,
          validTo: pair.last,
          role: null,
          title: null,
          weight: pair.weight,
          quotes: [],
          sources: [],
        };
      }
      return;
    }
    type EdgeRow = Omit<ExportEdge, 'weight'>;
    const rows = this.ids
      ? streamRows<EdgeRow>(this.db, 'export/edges-by-id', { ...this.ids, from, to }, this.options)
      : streamRows<EdgeRow>(this.db, 'export/all-edges', { from, to }, this.options);
    for await (const edge of rows) yield { ...edge, weight: 1 };
  }

  private async *meetingNetworkNodes(): AsyncGenerator<ExportNode> {
    // The meeting network's people are the measured ones (everyone with a meeting in the range);
    // a person's network keeps those of its people.
    const keep = this.ids ? new Set(this.ids.people) : null;
    for (const m of this.measures!.values()) {
      if (keep && !keep.has(m.personId)) continue;
      yield this.withMeasures({ id: m.personId, kind: 'Person', label: m.name, date: null, endDate: null, nativeName: null, place: null });
    }
  }

  private withMeasures(node: ExportNode): ExportNode {
    if (node.kind !== 'Person' || !this.measures) return node;
    const m = this.measures.get(node.id);
    // A person outside the meeting network (no meeting in the range) met nobody in it.
    return {
      ...node,
      degree: m?.degree ?? 0,
      weightedDegree: m?.weightedDegree ?? 0,
      betweenness: m?.betweenness ?? 0,
      community: m?.community ?? null,
    };
  }

  /**
   * Breadth-first from a person, `depth` person-to-person hops (as egoNetwork counts them) through
   * the exported edges valid in the range: each hop adds the frontier's meetings and positions and
   * the people reached through them or a rank edge. The last ring then keeps its offices and the
   * meetings it shares with the network.
   */
  private async walk(start: string): Promise<NodeIds> {
    const seen: Record<NodeKind, Set<string>> = { Person: new Set([start]), Meeting: new Set(), Position: new Set() };
    let frontier = [start];
    const { from, to } = this.query;
    for (let hop = 0; hop < this.query.depth && frontier.length > 0; hop += 1) {
      const rows = await this.db.read<{ kind: NodeKind; id: string }>('export/neighbours', { people: frontier, from, to });
      const next: string[] = [];
      for (const { kind, id } of rows) {
        if (seen[kind].has(id)) continue;
        seen[kind].add(id);
        if (kind === 'Person') next.push(id);
      }
      frontier = next;
    }
    if (frontier.length > 0) {
      const rows = await this.db.read<{ kind: NodeKind; id: string }>('export/attach', { ring: frontier, people: [...seen.Person], from, to });
      for (const { kind, id } of rows) seen[kind].add(id);
    }
    return { people: [...seen.Person], meetings: [...seen.Meeting], positions: [...seen.Position] };
  }
}
