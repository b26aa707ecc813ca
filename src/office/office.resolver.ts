import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { resolveName } from '../common/names';
import { notFound } from '../errors';
import { organizationById } from '../organization/organization.loaders';
import { Organization } from '../organization/organization.type';
import { personById } from '../person/person.loaders';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { positionById, tenuresByPosition } from './office.loaders';
import { Position } from './position.type';
import { Tenure } from './tenure.type';

@Resolver(() => Tenure)
export class TenureResolver {
  @Query(() => [Tenure], {
    description: 'Who held an office (by title, alias or id) — on `asOf` when given, else every tenure ever. NOT_FOUND when no office has that title.',
  })
  async holders(
    @Arg('position', () => String) position: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<Tenure[]> {
    const office = await resolveName(db, 'Position', position);
    if (!office) throw notFound(`No office is titled "${position}"`, { argument: 'position', name: position });
    return loaders.get(tenuresByPosition, { asOf: asOf ?? null }).load(office.id);
  }

  @FieldResolver(() => Person, { description: 'Who held the office.' })
  person(@Root() tenure: Tenure, @Ctx() { loaders }: Context) {
    return loaders.load(personById, tenure.personId);
  }

  @FieldResolver(() => Position, { description: 'The office held.' })
  position(@Root() tenure: Tenure, @Ctx() { loaders }: Context) {
    return loaders.load(positionById, tenure.positionId);
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @Query(() => Position, { nullable: true, description: 'An office by title, alias or id; null when none has it.' })
  async position(@Arg('title', () => String) title: string, @Ctx() { db, loaders }: Context) {
    const office = await resolveName(db, 'Position', title);
    return office ? loaders.load(positionById, office.id) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The body this office directs or belongs to.' })
  organization(@Root() position: Position, @Ctx() { loaders }: Context) {
    return position.organizationId ? loaders.load(organizationById, position.organizationId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The country or body whose office it is.' })
  jurisdiction(@Root() position: Position, @Ctx() { loaders }: Context) {
    return position.jurisdictionId ? loaders.load(organizationById, position.jurisdictionId) : null;
  }

  @FieldResolver(() => [Tenure], { description: 'Its tenures: all, or those valid on `asOf`.' })
  holders(@Root() position: Position, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() { loaders }: Context) {
    return loaders.get(tenuresByPosition, { asOf: asOf ?? null }).load(position.id);
  }
}
