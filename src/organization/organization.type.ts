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

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A country, government, ministry, party body, media outlet or other organisation.' })
@Directive('@key(fields: "id")')
export class Organization extends Entity {
  @Field(() => ID, { description: 'Stable identifier, e.g. `usa`.' })
  override id!: string;

  @Field(() => String, { description: 'The name most sources use.' })
  override name!: string;

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  kind!: OrganizationKind;

  @Field(() => [String], { description: 'Other names sources use, e.g. `US`, `Washington`.' })
  aliases!: string[];

  partOfId!: string | null;
  countryId!: string | null;
}
