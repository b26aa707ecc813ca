import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { resolveNames } from '../common/names';
import { badInput, notFound } from '../errors';
import { meetingsBetweenCountries } from '../meeting/meeting.repository';
import { MeetingConnection } from '../meeting/meeting.type';
import { organizationById } from '../organization/organization.loaders';
import { Organization } from '../organization/organization.type';
import type { Context } from '../server/context';
import { Bilateral } from './bilateral.type';
import { topicById } from './topic.loaders';
import { RelationIssue, Topic } from './topic.type';

@Resolver(() => Bilateral)
export class BilateralResolver {
  @Query(() => Bilateral, { description: 'Two countries (by name, alias or id): their meetings and the issues sources say strain the relation.' })
  async bilateral(@Arg('a', () => String) a: string, @Arg('b', () => String) b: string, @Ctx() { db, loaders }: Context): Promise<Bilateral> {
    // Both names in one round trip.
    const found = await resolveNames(db, 'Organization', [a, b]);
    const ids = found.map((candidate, i) => {
      if (!candidate) throw notFound(`No country is named "${[a, b][i]}"`, { argument: i ? 'b' : 'a', name: [a, b][i] });
      return candidate.id;
    });
    if (ids[0] === ids[1]) throw badInput('`a` and `b` name the same country', { argument: 'b' });
    const countries = (await loaders.get(organizationById).loadMany(ids)) as Organization[];
    for (const [i, country] of countries.entries()) {
      if (country.kind !== 'COUNTRY') throw badInput(`"${[a, b][i]}" names ${country.name}, which is not a country`, { argument: i ? 'b' : 'a' });
    }
    return Object.assign(new Bilateral(), { countries });
  }

  @FieldResolver(() => MeetingConnection, { description: 'Meetings in which both countries took part, oldest first; from/to inclusive.' })
  meetings(
    @Root() bilateral: Bilateral,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { db }: Context,
  ) {
    const [a, b] = bilateral.countries;
    return meetingsBetweenCountries(db, [a.id, b.id], { from, to }, first, after);
  }

  @FieldResolver(() => [Topic], { description: 'The issues sources say strain the relation, as of a date when given (else all).' })
  async issues(@Root() bilateral: Bilateral, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() context: Context) {
    const claims = await this.issueClaims(bilateral, asOf, context);
    const topicIds = [...new Set(claims.map((c) => c.topicId))];
    return context.loaders.get(topicById).loadMany(topicIds);
  }

  @FieldResolver(() => [RelationIssue], { description: 'Each source claim that an issue strains the relation, with its evidence.' })
  async issueClaims(@Root() bilateral: Bilateral, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() { db }: Context) {
    const [a, b] = bilateral.countries.map((c) => c.id);
    const rows = await db.read<{ issue: RelationIssue }>('topic/relation-issues', { a, b, asOf: asOf ?? null });
    return rows.map((r) => r.issue);
  }
}

@Resolver(() => RelationIssue)
export class RelationIssueResolver {
  @FieldResolver(() => Topic, { description: 'The issue.' })
  topic(@Root() issue: RelationIssue, @Ctx() { loaders }: Context) {
    return loaders.load(topicById, issue.topicId);
  }
}
