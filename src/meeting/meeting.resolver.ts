import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { Entity } from '../common/entity.interface';
import { loadEntity } from '../common/entity.loaders';
import { selectsPath } from '../common/lookahead';
import { type MaybePromise, whenKnown } from '../common/maybe-promise';
import { type NamedKind, resolveName } from '../common/names';
import { notFound } from '../errors';
import { tenureById, positionById } from '../office/office.loaders';
import { Position } from '../office/position.type';
import { Tenure } from '../office/tenure.type';
import { organizationById, placeById } from '../organization/organization.loaders';
import { Organization } from '../organization/organization.type';
import { Place } from '../organization/place.type';
import { personById } from '../person/person.loaders';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { Topic } from '../topic/topic.type';
import { topicsOfFact } from '../topic/topic.loaders';
import { counterpartsByPerson, meetingById, meetingsByTrip, meetingsSharedByPair, pairKey, participantsByMeeting, travellersByTrip, tripById } from './meeting.loaders';
import { type MeetingFilter, meetingsOfPerson, primeMeetings, searchMeetings } from './meeting.repository';
import { Counterpart, Meeting, MeetingConnection, Participant, Trip } from './meeting.type';

/** Resolves an optional name argument to an id; a name that names nothing is NOT_FOUND. */
async function idOf(context: Context, kind: NamedKind, name: string | null | undefined, argument: string): Promise<string | null> {
  if (name === null || name === undefined) return null;
  const found = await resolveName(context.db, kind, name);
  if (!found) throw notFound(`No ${kind === 'Organization' ? 'organisation' : kind.toLowerCase()} is named "${name}"`, { argument, name });
  return found.id;
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, {
    description:
      'Meetings, oldest first, narrowed by any of: a participant, a second participant (`with`), a date range (inclusive), a place, a topic. Names are resolved case-insensitively; a name that names nothing is NOT_FOUND, an ambiguous one AMBIGUOUS_NAME.',
  })
  async meetings(
    @Arg('participant', () => String, { nullable: true }) participant: string | null,
    @Arg('with', () => String, { nullable: true }) withName: string | null,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('place', () => String, { nullable: true }) place: string | null,
    @Arg('topic', () => String, { nullable: true }) topic: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: Context,
  ) {
    const [participantId, withId, placeId, topicId] = await Promise.all([
      idOf(context, 'Person', participant, 'participant'),
      idOf(context, 'Person', withName, 'with'),
      idOf(context, 'Place', place, 'place'),
      idOf(context, 'Topic', topic, 'topic'),
    ]);
    const filter: MeetingFilter = { participantId: participantId ?? withId, withId: participantId ? withId : null, placeId, topicId, from, to };
    return searchMeetings(context.db, filter, first, after);
  }

  @Query(() => Meeting, { nullable: true, description: 'A meeting by id.' })
  meeting(@Arg('id', () => String) id: string, @Ctx() { loaders }: Context) {
    return loaders.load(meetingById, id);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where the meeting took place.' })
  place(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return meeting.placeId ? loaders.load(placeById, meeting.placeId) : null;
  }

  @FieldResolver(() => Trip, { nullable: true, description: 'The trip this meeting was part of.' })
  trip(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return meeting.tripId ? loaders.load(tripById, meeting.tripId) : null;
  }

  @FieldResolver(() => [Participant], { description: 'Everyone who took part, hosts first.' })
  participants(@Root() meeting: Meeting, @Ctx() { loaders }: Context): MaybePromise<Participant[]> {
    return whenKnown(loaders.load(participantsByMeeting, meeting.id), (rows) => rows.map(Participant.fromRow));
  }

  @FieldResolver(() => [Topic], { description: 'What was discussed.' })
  topics(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.load(topicsOfFact, meeting.id);
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => Person, { description: 'Who took part.' })
  person(@Root() participant: Participant, @Ctx() { loaders }: Context) {
    return loaders.load(personById, participant.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The side (country or body) this person represented.' })
  delegation(@Root() participant: Participant, @Ctx() { loaders }: Context) {
    const id = participant.delegationId;
    return id ? loaders.load(organizationById, id) : null;
  }

  @FieldResolver(() => Position, { nullable: true, description: 'The office the title was resolved to, if any.' })
  position(@Root() participant: Participant, @Ctx() { loaders }: Context) {
    const id = participant.positionId;
    return id ? loaders.load(positionById, id) : null;
  }

  @FieldResolver(() => Tenure, { nullable: true, description: 'The tenure in that office valid on the meeting date.' })
  tenure(@Root() participant: Participant, @Ctx() { loaders }: Context) {
    const id = participant.tenureId;
    if (!id) return null;
    // Only a tenure of this person: a participation that names someone else's is not trusted.
    return whenKnown(loaders.load(tenureById, id), (tenure) => (tenure?.personId === participant.personId ? tenure : null));
  }
}

@Resolver(() => Trip)
export class TripResolver {
  @FieldResolver(() => [Person], { description: 'Who travelled.' })
  async travellers(@Root() trip: Trip, @Ctx() { loaders }: Context) {
    const ids = await loaders.load(travellersByTrip, trip.id);
    return loaders.get(personById).loadMany(ids);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'Where the trip went: a country or a place.' })
  destination(@Root() trip: Trip, @Ctx() { loaders }: Context) {
    return loadEntity(loaders, trip.destination);
  }

  @FieldResolver(() => [Meeting], { description: 'The meetings held during the trip, in order.' })
  async meetings(@Root() trip: Trip, @Ctx() { loaders }: Context) {
    const ids = await loaders.load(meetingsByTrip, trip.id);
    return loaders.get(meetingById).loadMany(ids);
  }
}

@Resolver(() => Counterpart)
export class CounterpartResolver {
  @FieldResolver(() => Person, { description: 'The person met.' })
  person(@Root() counterpart: Counterpart, @Ctx() { loaders }: Context) {
    return loaders.load(personById, counterpart.personId);
  }

  @FieldResolver(() => [Meeting], { description: 'The meetings they shared, oldest first.' })
  async meetings(@Root() counterpart: Counterpart, @Ctx() { loaders }: Context) {
    const meetings = await loaders.get(meetingsSharedByPair, counterpart.range).load(pairKey(counterpart.egoId, counterpart.personId));
    primeMeetings(loaders, meetings);
    return meetings;
  }
}

/** The meeting fields of Person. */
@Resolver(() => Person)
export class PersonMeetingsResolver {
  @FieldResolver(() => MeetingConnection, { description: 'Meetings this person took part in, oldest first; from/to inclusive.' })
  meetings(
    @Root() person: Person,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Participants asked for come with the page, in its statement (meetingsOfPerson).
    const withParticipants = selectsPath(info, ['nodes', 'participants']) || selectsPath(info, ['edges', 'node', 'participants']);
    return meetingsOfPerson(loaders, person.id, { from: from ?? null, to: to ?? null }, first, after, withParticipants);
  }

  @FieldResolver(() => [Counterpart], { description: 'Everyone this person met, most frequent first; from/to inclusive.' })
  async counterparts(
    @Root() person: Person,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() { loaders }: Context,
  ) {
    const range = { from: from ?? null, to: to ?? null };
    const rows = await loaders.get(counterpartsByPerson, range).load(person.id);
    return rows.map((row) => Counterpart.fromRow(row, person.id, range));
  }
}
