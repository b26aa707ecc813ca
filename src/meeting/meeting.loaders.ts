import { groupedLoader, singleLoader, type LoaderFactory } from '../common/loaders';
import { type CounterpartRow, Meeting, type MeetingRow, type ParticipantRow, type Trip } from './meeting.type';

export const meetingById: LoaderFactory<string, Meeting | null> = (db) => singleLoader<Meeting, MeetingRow>(db, 'meeting/by-ids', { from: Meeting.fromRow });
export const participantsByMeeting: LoaderFactory<string, ParticipantRow[]> = (db) => groupedLoader<ParticipantRow>(db, 'meeting/participants');
export const tripById: LoaderFactory<string, Trip | null> = (db) => singleLoader<Trip>(db, 'meeting/trips-by-ids');
export const travellersByTrip: LoaderFactory<string, string[]> = (db) => groupedLoader<string>(db, 'meeting/trip-travellers');
export const meetingsByTrip: LoaderFactory<string, string[]> = (db) => groupedLoader<string>(db, 'meeting/trip-meetings');

export interface DateRange {
  from: string | null;
  to: string | null;
}
export const counterpartsByPerson: LoaderFactory<string, CounterpartRow[], DateRange> = (db, range) =>
  groupedLoader<CounterpartRow>(db, 'meeting/counterparts', range);
/** The meetings two people shared in a range, by `pairKey`. */
export const meetingsSharedByPair: LoaderFactory<string, Meeting[], DateRange> = (db, range) =>
  groupedLoader<Meeting, MeetingRow>(db, 'meeting/shared', range, 'keys', Meeting.fromRow);
/** The key of meetingsSharedByPair: the two ids, separated by a space (which no id holds). */
export const pairKey = (a: string, b: string) => `${a} ${b}`;

export interface MeetingPageArgs extends DateRange {
  afterDate: string | null;
  afterId: string | null;
  limit: number;
}
/** One page of meetings per person, for Person.meetings under a list of people. */
export const meetingPageByParticipant: LoaderFactory<string, Meeting[], MeetingPageArgs> = (db, args) =>
  groupedLoader<Meeting, MeetingRow>(db, 'meeting/pages-by-participant', args, 'keys', Meeting.fromRow);

/** A meeting with who took part, hosts first. */
export interface MeetingWithParticipants {
  meeting: Meeting;
  participants: ParticipantRow[];
}
/** meetingPageByParticipant with each meeting's participants, for a document that asks for them. */
export const meetingPageWithParticipantsByParticipant: LoaderFactory<string, MeetingWithParticipants[], MeetingPageArgs> = (db, args) =>
  groupedLoader<MeetingWithParticipants, { meeting: MeetingRow; participants: ParticipantRow[] }>(
    db,
    'meeting/pages-with-participants-by-participant',
    args,
    'keys',
    ({ meeting, participants }) => ({ meeting: Meeting.fromRow(meeting), participants }),
  );
