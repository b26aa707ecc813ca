import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { organizationById } from './organization.loaders';
import { Organization } from './organization.type';
import { Place } from './place.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The body this one is part of (ministry → government, office → party committee).' })
  partOf(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return org.partOfId ? loaders.load(organizationById, org.partOfId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The country this organisation belongs to.' })
  country(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return org.countryId ? loaders.load(organizationById, org.countryId) : null;
  }
}

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The country the place is in.' })
  country(@Root() place: Place, @Ctx() { loaders }: Context) {
    return place.countryId ? loaders.load(organizationById, place.countryId) : null;
  }
}
