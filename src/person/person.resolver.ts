import { Arg, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { positionById, tenuresByPerson } from '../office/office.loaders';
import { Tenure } from '../office/tenure.type';
import type { Context } from '../server/context';
import { findPersonByName, searchPeople } from './person.repository';
import { Person } from './person.type';

@ObjectType('PersonConnection', { simpleResolvers: true, description: 'A page of people, by name.' })
export class PersonConnection extends Connection(Person, 'Person') {}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description: 'The person a name, alias or id names (case-insensitive); null when nobody has it. An ambiguous name is an AMBIGUOUS_NAME error listing the candidates.',
  })
  person(@Arg('name', () => String) name: string, @Ctx() { db }: Context): Promise<Person | null> {
    return findPersonByName(db, name) as Promise<Person | null>;
  }

  @Query(() => PersonConnection, { description: 'People by name; `search` matches any part of a name, native name or alias, case-insensitively.' })
  people(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { db }: Context,
  ) {
    return searchPeople(db, search, first, after);
  }

  @FieldResolver(() => [Tenure], { description: 'Offices this person held: every tenure, or only those valid on `asOf` (start <= asOf < end).' })
  async positions(@Root() person: Person, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() { loaders }: Context) {
    const tenures = await loaders.get(tenuresByPerson, { asOf: asOf ?? null }).load(person.id);
    // Each tenure row carries its office (office/tenures): Tenure.position needs no round trip of its own.
    for (const t of tenures as Array<Tenure & { positionId?: string; positionRecord?: unknown }>) {
      if (t.positionRecord && t.positionId) loaders.prime(positionById, t.positionId, t.positionRecord as never);
    }
    return tenures;
  }

  @FieldResolver(() => String, { nullable: true, description: 'External identifiers as JSON, e.g. {"wikidata":"Q7836040"}.' })
  externalIds(@Root() person: Person) {
    return person.externalIds;
  }
}
