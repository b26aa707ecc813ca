import type { NonEmptyArray } from 'type-graphql';
import { DraftResolver } from './draft/draft.resolver';
import { NetworkMeasuresResolver } from './network/network.resolver';
import { CounterpartResolver, MeetingResolver, ParticipantResolver, PersonMeetingsResolver, TripResolver } from './meeting/meeting.resolver';
import { meetingById } from './meeting/meeting.loaders';
import { PositionResolver, TenureResolver } from './office/office.resolver';
import { positionById } from './office/office.loaders';
import { organizationById, placeById } from './organization/organization.loaders';
import { OrganizationResolver, PlaceResolver } from './organization/organization.resolver';
import { personById } from './person/person.loaders';
import { PersonResolver } from './person/person.resolver';
import { IngestResolver } from './ingest/ingest.resolver';
import { CurationResolver } from './curation/curation.resolver';
import { PersonRankResolver, PrecedenceResolver, RankClaimResolver, RankContradictionResolver, RankLevelResolver, RankLinkResolver, RankResolver, RankStepResolver } from './rank/rank.resolver';
import type { Context } from './server/context';
import { DocumentResolver, EvidenceResolver, FactResolver } from './source/source.resolver';
import { InvitationResolver, MeetingStatementsResolver, PersonStatementsResolver, StatementResolver } from './statement/statement.resolver';
import { topicById } from './topic/topic.loaders';
import { BilateralResolver, RelationIssueResolver } from './topic/topic.resolver';
import { GraphEdgeResolver, TraversalResolver } from './traversal/traversal.resolver';

/** Every resolver class of the API, by aggregate. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  PersonResolver,
  TenureResolver,
  PositionResolver,
  OrganizationResolver,
  PlaceResolver,
  MeetingResolver,
  ParticipantResolver,
  TripResolver,
  CounterpartResolver,
  PersonMeetingsResolver,
  StatementResolver,
  InvitationResolver,
  PersonStatementsResolver,
  MeetingStatementsResolver,
  BilateralResolver,
  RelationIssueResolver,
  FactResolver,
  EvidenceResolver,
  DocumentResolver,
  RankResolver,
  RankContradictionResolver,
  PersonRankResolver,
  RankStepResolver,
  RankLinkResolver,
  RankLevelResolver,
  RankClaimResolver,
  PrecedenceResolver,
  TraversalResolver,
  GraphEdgeResolver,
  NetworkMeasuresResolver,
  DraftResolver,
  IngestResolver,
  CurationResolver,
];

type ReferenceResolver = (ref: { id: string }, context: Context) => unknown;

/**
 * Federation entities: how a representation `{ __typename, id }` from the router becomes an
 * object. Each goes through the per-request loader, so a router's `_entities` call with many
 * representations costs one database round trip per type, not one per entity.
 */
export const referenceResolvers: Record<string, ReferenceResolver> = {
  Person: (ref, { loaders }) => loaders.load(personById, ref.id),
  Organization: (ref, { loaders }) => loaders.load(organizationById, ref.id),
  Place: (ref, { loaders }) => loaders.load(placeById, ref.id),
  Position: (ref, { loaders }) => loaders.load(positionById, ref.id),
  Meeting: (ref, { loaders }) => loaders.load(meetingById, ref.id),
  Topic: (ref, { loaders }) => loaders.load(topicById, ref.id),
};
