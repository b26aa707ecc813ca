import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { requirePerson } from '../person/person.repository';
import type { Context } from '../server/context';
import { Evidence } from '../source/evidence.type';
import { evidenceByFactId } from '../source/source.loaders';
import {
  allowedKinds,
  checkDepth,
  checkMaxHops,
  EGO_DEPTH_DEFAULT,
  EGO_DEPTH_MAX,
  findEgoNetwork,
  findShortestPath,
  SHORTEST_PATH_HOPS_DEFAULT,
  SHORTEST_PATH_HOPS_MAX,
  SUBGRAPH_MAX_NODES,
  toGraphNode,
} from './traversal.repository';
import { EdgeKind, GraphEdge, Path, Subgraph } from './traversal.type';

@Resolver(() => Path)
export class TraversalResolver {
  @Query(() => Path, {
    nullable: true,
    description: `The shortest connection between two people (names looked up like \`person(name:)\`: unknown is NOT_FOUND, ambiguous AMBIGUOUS_NAME), over the edge kinds in \`via\` (default all), skipping retracted facts. Shortest = fewest graph relationships (a rank hop is 1, a meeting, statement, invitation or trip hop 2, an office hop 4); among equally short paths, fewest person hops, then meetings and rank before the other kinds. Null when there is none, or when it has more than \`maxHops\` person-to-person hops.`,
  })
  async shortestPath(
    @Arg('from', () => String, { description: 'The first person: name, alias or id.' }) from: string,
    @Arg('to', () => String, { description: 'The second person: name, alias or id.' }) to: string,
    @Arg('maxHops', () => Int, {
      nullable: true,
      description: `The most person-to-person hops the path may have: default ${SHORTEST_PATH_HOPS_DEFAULT}, at most ${SHORTEST_PATH_HOPS_MAX} (more is LIMIT_EXCEEDED).`,
    })
    maxHops: number | null,
    @Arg('via', () => [EdgeKind], { nullable: true, description: 'The kinds of connection the path may use; default all.' }) via: EdgeKind[] | null,
    @Ctx() { db }: Context,
  ): Promise<Path | null> {
    const hops = checkMaxHops(maxHops);
    const kinds = allowedKinds(via);
    const [a, b] = await Promise.all([requirePerson(db, from, 'from'), requirePerson(db, to, 'to')]);
    if (a.id === b.id) {
      return { length: 0, nodes: [toGraphNode({ id: a.id, labels: ['Person'], props: { ...a } })], edges: [] };
    }
    return findShortestPath(db, a.id, b.id, hops, kinds);
  }

  @Query(() => Subgraph, {
    description: `The neighbourhood of a person up to \`depth\` person-to-person hops (default ${EGO_DEPTH_DEFAULT}, at most ${EGO_DEPTH_MAX}; more is LIMIT_EXCEEDED) over the kinds in \`via\` (default all), with their offices, statements and the rank edges among them, narrowed to [from, to]: meetings, statements, invitations and trips by date, tenures and rank edges when they overlap. At most ${SUBGRAPH_MAX_NODES} nodes, nearest first; \`truncated\` says when more were cut.`,
  })
  async egoNetwork(
    @Arg('name', () => String, { description: 'The person at the centre: name, alias or id.' }) name: string,
    @Arg('depth', () => Int, { nullable: true, description: `Person-to-person hops from the centre: default ${EGO_DEPTH_DEFAULT}, at most ${EGO_DEPTH_MAX}.` })
    depth: number | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'First day of the period (inclusive); omitted: no lower bound.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last day of the period (inclusive); omitted: no upper bound.' }) to: string | null,
    @Arg('via', () => [EdgeKind], {
      nullable: true,
      description: 'The kinds of connection to expand over (default all); OFFICE also attaches offices, STATEMENT statements.',
    })
    via: EdgeKind[] | null,
    @Ctx() { db }: Context,
  ): Promise<Subgraph> {
    const d = checkDepth(depth);
    const kinds = allowedKinds(via);
    const person = await requirePerson(db, name, 'name');
    return findEgoNetwork(db, person.id, d, from, to, kinds);
  }
}

@Resolver(() => GraphEdge)
export class GraphEdgeResolver {
  @FieldResolver(() => [Evidence], { description: 'The evidence of the fact the edge rests on (batched over the whole result).' })
  async evidence(@Root() edge: GraphEdge, @Ctx() { loaders }: Context): Promise<Evidence[]> {
    return edge.factId ? loaders.load(evidenceByFactId, edge.factId) : [];
  }
}
