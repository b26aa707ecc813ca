import { Entity } from '../common/entity.interface';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum OrganizationKind {
  COUNTRY = 'COUNTRY',
  GOVERNMENT = 'GOVERNMENT',
  MINISTRY = 'MINISTRY',
  PARTY = 'PARTY',
  PARTY_BODY = 'PARTY_BODY',
  MEDIA = 'MEDIA',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'What kind of body an organisation is.' });

@ObjectType({ implements: Entity, description: 'A country, government, ministry, party body, media outlet or other organisation.' })
@Directive('@key(fields: "id")')
export class Organization extends Entity {
  @Field(() => ID)
  override id!: string;

  @Field(() => String)
  override name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => [String])
  aliases!: string[];

  partOfId!: string | null;
  countryId!: string | null;
}
