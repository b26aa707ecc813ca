import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { Fact } from '../common/fact.interface';

export enum MeetingFormat {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
}
registerEnumType(MeetingFormat, { name: 'MeetingFormat', description: 'How the sides met: in person, by phone or by video.' });

export enum ParticipantRole {
  HOST = 'HOST',
  GUEST = 'GUEST',
  ATTENDEE = 'ATTENDEE',
}
registerEnumType(ParticipantRole, { name: 'ParticipantRole', description: 'HOST received the others, GUEST was received, ATTENDEE took part otherwise.' });

@ObjectType({
  simpleResolvers: true,
  implements: Fact,
  description: 'One meeting, however many sides: talks, a call, a visit. Multi-day talks have an endDate.',
})
@Directive('@key(fields: "id")')
export class Meeting extends Fact {
  @Field(() => DateScalar, { description: 'The (first) day of the meeting; relative dates are resolved against the document date.' })
  date!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of multi-day talks (inclusive).' })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The raw wording the date was resolved from, e.g. "on Monday".' })
  dateExpression!: string | null;

  @Field(() => Int, { nullable: true, description: 'How long it lasted, in minutes, when the source says.' })
  durationMinutes!: number | null;

  @Field(() => String, { nullable: true, description: 'The raw wording of the duration, e.g. "seven and a half hours".' })
  durationExpression!: string | null;

  @Field(() => MeetingFormat, { nullable: true, description: 'In person, by phone or by video.' })
  format!: MeetingFormat | null;

  @Field(() => String, { nullable: true, description: 'CAMEO event code, e.g. "040" (consult). A string: codes keep their leading zeros.' })
  cameo!: string | null;

  @Field(() => String, { nullable: true, description: 'How the source described the meeting.' })
  description!: string | null;

  placeId!: string | null;
  tripId!: string | null;

  static fromRow([id, date, endDate, dateExpression, durationMinutes, durationExpression, format, cameo, description, placeId, tripId]: MeetingRow): Meeting {
    return Object.assign(new Meeting(), { id, date, endDate, dateExpression, durationMinutes, durationExpression, format, cameo, description, placeId, tripId });
  }
}

/** A meeting as the queries return it (meeting/row): its fields, then the ids of its place and trip. */
export type MeetingRow = [
  id: string,
  date: string,
  endDate: string | null,
  dateExpression: string | null,
  durationMinutes: number | null,
  durationExpression: string | null,
  format: MeetingFormat | null,
  cameo: string | null,
  description: string | null,
  placeId: string | null,
  tripId: string | null,
];

@ObjectType('MeetingConnection', { simpleResolvers: true, description: 'A page of meetings, oldest first.' })
export class MeetingConnection extends Connection(Meeting, 'Meeting') {}

/**
 * A participation as the queries return it (meeting/participant-row): the person's id, the part
 * played, the title as written, and the ids of the delegation, the office and the tenure.
 */
export type ParticipantRow = [personId: string, role: ParticipantRole, title: string | null, delegationId: string | null, positionId: string | null, tenureId: string | null];

@ObjectType({ simpleResolvers: true, description: "One person's part in a meeting." })
export class Participant {
  @Field(() => ParticipantRole, { description: 'The part this person played: host, guest or attendee.' })
  role!: ParticipantRole;

  @Field(() => String, { nullable: true, description: 'The title as the source wrote it, e.g. "China\'s top foreign policy official".' })
  title!: string | null;

  personId!: string;
  delegationId!: string | null;
  positionId!: string | null;
  tenureId!: string | null;

  static fromRow([personId, role, title, delegationId, positionId, tenureId]: ParticipantRow): Participant {
    return Object.assign(new Participant(), { personId, role, title, delegationId, positionId, tenureId });
  }
}

@ObjectType({ simpleResolvers: true, implements: Fact, description: 'A journey by one or more officials, during which meetings happen.' })
export class Trip extends Fact {
  @Field(() => DateScalar, { nullable: true, description: 'The first day of the trip.' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day of the trip, when known.' })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'What the trip was for, as the source says.' })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: 'What the source says it was the first of, e.g. "first visit by a US secretary of state to China since 2018".' })
  significance!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year of the previous comparable trip, when the source says "first since".' })
  firstSince!: number | null;

  destination!: { id: string; kind: string } | null;
}

@ObjectType({ simpleResolvers: true, description: 'Someone this person met: how often, when first and last, and in which meetings.' })
export class Counterpart {
  @Field(() => Int, { description: 'How many meetings they shared.' })
  count!: number;

  @Field(() => DateScalar, { description: 'The day they first met (within the range asked).' })
  first!: string;

  @Field(() => DateScalar, { description: 'The day they last met (within the range asked).' })
  last!: string;

  personId!: string;
  /** Whose counterpart this is, and the range asked for: what Counterpart.meetings needs. */
  egoId!: string;
  range!: { from: string | null; to: string | null };

  static fromRow([personId, count, first, last]: CounterpartRow, egoId: string, range: Counterpart['range']): Counterpart {
    return Object.assign(new Counterpart(), { personId, count, first, last, egoId, range });
  }
}

/** Someone a person met as meeting/counterparts returns them: their id, how often, first and last. */
export type CounterpartRow = [personId: string, count: number, first: string, last: string];
