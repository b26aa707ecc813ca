import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';

/** The kinds of connection between two people that paths and networks may use. */
export enum EdgeKind {
  MEETING = 'MEETING',
  OFFICE = 'OFFICE',
  RANK = 'RANK',
  STATEMENT = 'STATEMENT',
  INVITATION = 'INVITATION',
  TRIP = 'TRIP',
}
registerEnumType(EdgeKind, {
  name: 'EdgeKind',
  description: 'A kind of connection between people.',
  valuesConfig: {
    MEETING: { description: 'Two people took part in the same meeting: person -PARTICIPATED_IN-> meeting <-PARTICIPATED_IN- person.' },
    OFFICE: { description: 'Two people held the same position: person -HELD-> tenure -OF_POSITION-> position <-OF_POSITION- tenure <-HELD- person.' },
    RANK: { description: 'A stated rank claim: person -RANKS_ABOVE-> person.' },
    STATEMENT: { description: 'Two people spoke the same statement (statement -SPOKEN_BY-> each); with MEETING, a statement is also linked to the meeting it was made AT.' },
    INVITATION: { description: 'An invitation links inviter, invitee and whoever fulfilled it (and, with MEETING, the meeting it was MADE_AT).' },
    TRIP: { description: 'Two people travelled on the same trip (with MEETING, a trip also links the meetings held DURING it).' },
  },
});

export enum GraphNodeKind {
  PERSON = 'PERSON',
  MEETING = 'MEETING',
  TENURE = 'TENURE',
  POSITION = 'POSITION',
  ORGANIZATION = 'ORGANIZATION',
  PLACE = 'PLACE',
  STATEMENT = 'STATEMENT',
  INVITATION = 'INVITATION',
  TRIP = 'TRIP',
  RANK_CLAIM = 'RANK_CLAIM',
  OTHER = 'OTHER',
}
registerEnumType(GraphNodeKind, {
  name: 'GraphNodeKind',
  description: 'What a node of a Path or Subgraph is.',
  valuesConfig: {
    PERSON: { description: 'A person.' },
    MEETING: { description: 'A meeting (its participants are linked by PARTICIPATED_IN).' },
    TENURE: { description: 'One mandate of a person in a position.' },
    POSITION: { description: 'An office.' },
    ORGANIZATION: { description: 'A country, government, ministry, party body or outlet.' },
    PLACE: { description: 'A city, venue or region.' },
    STATEMENT: { description: 'Something said (linked to its speakers by SPOKEN_BY).' },
    INVITATION: { description: 'An invitation (linked to inviter, invitee and whoever fulfilled it).' },
    TRIP: { description: 'A trip (linked to its travellers by TRAVELLED).' },
    RANK_CLAIM: { description: 'A stated rank claim.' },
    OTHER: { description: 'Any other node.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A node of a Path or Subgraph, ready to draw.' })
export class GraphNode {
  @Field(() => ID, { description: 'The id of the person, meeting, tenure, position, … (the same id the other queries use; unique per kind).' })
  id!: string;

  @Field(() => GraphNodeKind, { description: 'What the node is.' })
  kind!: GraphNodeKind;

  @Field(() => String, { description: 'A short human-readable label: a name, a title, "Meeting 2023-06-19", …' })
  label!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date of a fact node: meeting, statement or invitation date, trip start, tenure start.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: "The node's stored properties as a JSON object string (dates as ISO strings)." })
  properties!: string | null;

  @Field(() => Int, { nullable: true, description: 'In an egoNetwork: person-to-person hops from the centre (0 for the centre itself).' })
  depth!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'An edge of a Path or Subgraph, ready to draw, with the evidence of the fact it rests on.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Stable id: `<TYPE>:<source>:<target>`, or `RANKS_ABOVE:<claimId>` for a rank edge.' })
  id!: string;

  @Field(() => EdgeKind, { description: 'The kind of connection this edge belongs to.' })
  kind!: EdgeKind;

  @Field(() => String, { description: 'The relationship type in the graph: PARTICIPATED_IN, HELD, OF_POSITION, RANKS_ABOVE, SPOKEN_BY, INVITER, …' })
  type!: string;

  @Field(() => ID, { description: 'The id of the node the relationship starts at (its direction in the graph).' })
  source!: string;

  @Field(() => ID, { description: 'The id of the node it ends at.' })
  target!: string;

  @Field(() => String, { description: 'A short human-readable label, e.g. "guest", "held", "ranks above".' })
  label!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day the edge holds (rank edges, tenures); null: unbounded or not time-bound.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds (exclusive); null: open or not time-bound.' })
  validTo!: string | null;

  @Field(() => ID, { nullable: true, description: 'The fact the edge rests on (meeting, tenure, rank claim, statement, invitation, trip).' })
  factId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A path between two people: nodes in order from the start, and the edges between consecutive nodes.' })
export class Path {
  @Field(() => Int, { description: 'Person-to-person hops: 1 for two people who met, held the same office or have a rank claim between them.' })
  length!: number;

  @Field(() => [GraphNode], { description: 'The nodes in order, from the first person to the second.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The edges in order; edge i joins nodes i and i+1 (its source/target keep the direction stored in the graph).' })
  edges!: GraphEdge[];
}

@ObjectType({ simpleResolvers: true, description: 'A neighbourhood of the graph, ready to draw.' })
export class Subgraph {
  @Field(() => [GraphNode], { description: 'The nodes, nearest to the centre first.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The edges between those nodes.' })
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when the network was cut at the node cap (nearest nodes kept): ask for less depth or a narrower date range.' })
  truncated!: boolean;
}
