import { decodeCursor, pageSize, toConnection } from '../common/connection';
import type { LoaderRegistry } from '../common/loaders';
import type { QueryRunner } from '../neo4j/database';
import { meetingById, meetingPageByParticipant, meetingPageWithParticipantsByParticipant, participantsByMeeting } from './meeting.loaders';
import { Meeting, type MeetingRow } from './meeting.type';

/** What a meeting search can be narrowed by; every id already resolved from a name. */
export interface MeetingFilter {
  participantId?: string | null;
  withId?: string | null;
  placeId?: string | null;
  topicId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** One page of meetings matching the filter, oldest first, keyset-paged. */
export function searchMeetings(db: QueryRunner, filter: MeetingFilter, first: number | null | undefined, after: string | null | undefined) {
  const { participantId = null, withId = null, placeId = null, topicId = null, from = null, to = null } = filter;
  return readMeetingPage(db, 'meeting/search', { participantId, withId, placeId, topicId, from, to }, first, after);
}

/** One page of the meetings two countries (ids) both took part in, oldest first, keyset-paged. */
export function meetingsBetweenCountries(
  db: QueryRunner,
  [a, b]: [string, string],
  range: { from: string | null; to: string | null },
  first: number | null | undefined,
  after: string | null | undefined,
) {
  return readMeetingPage(db, 'meeting/between-countries', { a, b, ...range }, first, after);
}

/** Runs a query that returns `meeting` rows keyset-paged on (date, id), and makes them a connection. */
async function readMeetingPage(db: QueryRunner, query: string, params: Record<string, unknown>, first: number | null | undefined, after: string | null | undefined) {
  const page = meetingPage(first, after);
  const rows = await db.read<{ meeting: MeetingRow }>(query, { ...params, ...page.params });
  return page.connection(rows.map((r) => Meeting.fromRow(r.meeting)));
}

/**
 * What every meeting page shares: the keyset parameters a query takes for `first` and `after`
 * (`afterDate`, `afterId`, and `limit`, one more than the page to tell whether another follows),
 * and the connection made of the rows that came back, with cursors on (date, id).
 */
function meetingPage(first: number | null | undefined, after: string | null | undefined) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, 2);
  return {
    params: {
      afterDate: (cursor?.[0] as string | undefined) ?? null,
      afterId: (cursor?.[1] as string | undefined) ?? null,
      limit: limit + 1,
    },
    connection: (meetings: Meeting[]) => toConnection(meetings, limit, (m) => [m.date, m.id]),
  };
}

/**
 * One page of a person's meetings, batched with every other person's in the same request: one
 * query for all of them, whose meetings prime the shared meeting loader for the rest of the request.
 * With `withParticipants` (the document asks for them), the same query brings each meeting's
 * participants along and primes their loader: the page and its participants cost one round trip.
 */
export async function meetingsOfPerson(
  loaders: LoaderRegistry,
  personId: string,
  range: { from: string | null; to: string | null },
  first: number | null | undefined,
  after: string | null | undefined,
  withParticipants = false,
) {
  const page = meetingPage(first, after);
  const args = { ...range, ...page.params };
  let meetings: Meeting[];
  if (withParticipants) {
    const rows = await loaders.get(meetingPageWithParticipantsByParticipant, args).load(personId);
    for (const { meeting, participants } of rows) loaders.prime(participantsByMeeting, meeting.id, participants);
    meetings = rows.map((row) => row.meeting);
  } else {
    meetings = await loaders.get(meetingPageByParticipant, args).load(personId);
  }
  primeMeetings(loaders, meetings);
  return page.connection(meetings);
}

/** Meetings a query brought whole are known for the rest of the request: Meeting by id costs no round trip. */
export function primeMeetings(loaders: LoaderRegistry, meetings: Meeting[]): void {
  for (const m of meetings) loaders.prime(meetingById, m.id, m);
}
