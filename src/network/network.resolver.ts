import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { badInput, limitExceeded } from '../errors';
import { personById } from '../person/person.loaders';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { meetingNetworkMeasures, type MeasureOrder, orderMeasures, type PersonMeasureRecord } from './measures';

export enum MeasureOrderEnum {
  BETWEENNESS = 'BETWEENNESS',
  WEIGHTED_DEGREE = 'WEIGHTED_DEGREE',
  DEGREE = 'DEGREE',
  NAME = 'NAME',
}
registerEnumType(MeasureOrderEnum, {
  name: 'MeasureOrder',
  description: 'How networkMeasures orders people: by a measure, highest first, or by name.',
});

export const MEASURES_FIRST_DEFAULT = 100;
export const MEASURES_FIRST_MAX = 1000;

@ObjectType({
  simpleResolvers: true,
  description:
    'A person in the meeting network of a date range: people joined by an edge weighted by the number of meetings they shared in the range.',
})
export class PersonMeasure {
  @Field(() => Int, { description: 'How many different people this person met in the range.' })
  degree!: number;

  @Field(() => Float, { description: 'The sum of the edge weights: for each person met, how many meetings they shared.' })
  weightedDegree!: number;

  @Field(() => Float, {
    description: 'Betweenness centrality over hops (unweighted): how many shortest paths between two other people pass through this person, each pair counted once, split evenly among equally short paths.',
  })
  betweenness!: number;

  @Field(() => Float, { description: 'betweenness divided by (n-1)(n-2)/2, n the number of people in the network (as NetworkX normalises).' })
  normalizedBetweenness!: number;

  @Field(() => Int, { description: 'Louvain community (weighted by shared meetings), numbered from 0 by size, largest first; stable for the same graph.' })
  community!: number;

  @Field(() => Int, { description: 'Meetings in the range this person took part in.' })
  meetings!: number;

  personId!: string;
}

@Resolver(() => PersonMeasure)
export class NetworkMeasuresResolver {
  @Query(() => [PersonMeasure], {
    description:
      'Degree, weighted degree, betweenness and Louvain community of everyone in the meeting network of a date range (inclusive; open when omitted), computed with graphology. `first`: default 100, at most 1000.',
  })
  async networkMeasures(
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('orderBy', () => MeasureOrderEnum, { nullable: true, defaultValue: MeasureOrderEnum.WEIGHTED_DEGREE }) orderBy: MeasureOrderEnum | null,
    @Ctx() { database }: Context,
  ): Promise<PersonMeasureRecord[]> {
    const size = first ?? MEASURES_FIRST_DEFAULT;
    if (size < 0) throw badInput('`first` must not be negative', { argument: 'first' });
    if (size > MEASURES_FIRST_MAX) throw limitExceeded('first', size, MEASURES_FIRST_MAX);
    if (from && to && from > to) throw badInput(`from (${from}) is after to (${to})`, { argument: 'from' });
    const measures = await meetingNetworkMeasures(database, { from: from ?? null, to: to ?? null });
    return orderMeasures(measures, (orderBy ?? MeasureOrderEnum.WEIGHTED_DEGREE) as MeasureOrder).slice(0, size);
  }

  @FieldResolver(() => Person, { description: 'The person measured.' })
  async person(@Root() measure: PersonMeasureRecord, @Ctx() { loaders }: Context) {
    return loaders.load(personById, measure.personId);
  }
}
