import { decodeCursor, pageSize, toConnection } from '../common/connection';
import type { LoaderRegistry } from '../common/loaders';
import type { QueryRunner } from '../neo4j/database';
import { meetingById, meetingPageByParticipant } from './meeting.loaders';
import type { Meeting } from './meeting.type';

/** What a meeting search can be narrowed by; every id already resolved from a name. */
export interface MeetingFilter {
  participantId?: string | null;
  withId?: string | null;
  countryIds?: string[];
  placeId?: string | null;
  topicId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** One page of meetings matching the filter, oldest first, keyset-paged. */
export async function searchMeetings(db: QueryRunner, filter: MeetingFilter, first: number | null | undefined, after: string | null | undefined) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, 2);
  const rows = await db.read<{ meeting: Meeting }>('meeting/search', {
    participantId: filter.participantId ?? null,
    withId: filter.withId ?? null,
    countryIds: filter.countryIds ?? [],
    placeId: filter.placeId ?? null,
    topicId: filter.topicId ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    afterDate: (cursor?.[0] as string | undefined) ?? null,
    afterId: (cursor?.[1] as string | undefined) ?? null,
    limit: limit + 1,
  });
  return toConnection(
    rows.map((r) => r.meeting),
    limit,
    (m) => [m.date, m.id],
  );
}

/**
 * One page of a person's meetings, batched with every other person's in the same request: one
 * query for all of them, whose meetings prime the shared meeting loader for the rest of the request.
 */
export async function meetingsOfPerson(
  loaders: LoaderRegistry,
  personId: string,
  range: { from: string | null; to: string | null },
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, 2);
  const meetings = await loaders
    .get(meetingPageByParticipant, {
      ...range,
      afterDate: (cursor?.[0] as string | undefined) ?? null,
      afterId: (cursor?.[1] as string | undefined) ?? null,
      limit: limit + 1,
    })
    .load(personId);
  for (const m of meetings) loaders.prime(meetingById, m.id, m);
  return toConnection(meetings, limit, (m) => [m.date, m.id]);
}
