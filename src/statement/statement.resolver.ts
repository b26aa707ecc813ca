import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Entity } from '../common/entity.interface';
import { loadEntity } from '../common/entity.loaders';
import { meetingById } from '../meeting/meeting.loaders';
import { Meeting } from '../meeting/meeting.type';
import { organizationById } from '../organization/organization.loaders';
import { Organization } from '../organization/organization.type';
import { personById } from '../person/person.loaders';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { topicsOfFact } from '../topic/topic.loaders';
import { Topic } from '../topic/topic.type';
import { invitationsByMeeting, invitationsByPerson, statementsByMeeting, statementsBySpeaker } from './statement.loaders';
import { Invitation, Statement } from './statement.type';

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'Who said it (the first speaker when several spoke together).' })
  speaker(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loadEntity(loaders, statement.speakers[0] ?? null);
  }

  @FieldResolver(() => [Entity], { description: 'Everyone the source says said it, e.g. both sides.' })
  async speakers(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    const all = await Promise.all(statement.speakers.map((ref) => loadEntity(loaders, ref)));
    return all.filter((e) => e !== null);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting it was said at.' })
  meeting(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.meetingId ? loaders.load(meetingById, statement.meetingId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The outlet the source attributes it to, e.g. CCTV.' })
  reportedBy(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.reportedById ? loaders.load(organizationById, statement.reportedById) : null;
  }

  @FieldResolver(() => [Topic], { description: 'What it is about.' })
  about(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.load(topicsOfFact, statement.id);
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  @FieldResolver(() => Person, { description: 'Who invited.' })
  inviter(@Root() invitation: Invitation, @Ctx() { loaders }: Context) {
    return loaders.load(personById, invitation.inviterId);
  }

  @FieldResolver(() => Person, { description: 'Who was invited.' })
  invitee(@Root() invitation: Invitation, @Ctx() { loaders }: Context) {
    return loaders.load(personById, invitation.inviteeId);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'Where the invitee is invited to: a place or a country.' })
  destination(@Root() invitation: Invitation, @Ctx() { loaders }: Context) {
    return loadEntity(loaders, invitation.destination);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting at which it was extended.' })
  meeting(@Root() invitation: Invitation, @Ctx() { loaders }: Context) {
    return invitation.meetingId ? loaders.load(meetingById, invitation.meetingId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who went instead, when someone other than the invitee fulfilled it.' })
  fulfilledBy(@Root() invitation: Invitation, @Ctx() { loaders }: Context) {
    return invitation.fulfilledById ? loaders.load(personById, invitation.fulfilledById) : null;
  }
}

/** The statement and invitation fields of Person and Meeting. */
@Resolver(() => Person)
export class PersonStatementsResolver {
  @FieldResolver(() => [Statement], { description: 'What this person said, oldest first.' })
  statements(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.load(statementsBySpeaker, person.id);
  }

  @FieldResolver(() => [Invitation], { description: 'Invitations this person sent or received.' })
  invitations(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.load(invitationsByPerson, person.id);
  }
}

@Resolver(() => Meeting)
export class MeetingStatementsResolver {
  @FieldResolver(() => [Statement], { description: 'What was said at this meeting.' })
  statements(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.load(statementsByMeeting, meeting.id);
  }

  @FieldResolver(() => [Invitation], { description: 'Invitations extended at this meeting.' })
  invitations(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.load(invitationsByMeeting, meeting.id);
  }
}
