import { Entity } from '../common/entity.interface';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A city, venue or region where something happened.' })
@Directive('@key(fields: "id")')
export class Place extends Entity {
  @Field(() => ID, { description: 'Stable identifier, e.g. `beijing`.' })
  override id!: string;

  @Field(() => String, { description: 'The name most sources use.' })
  override name!: string;

  @Field(() => String, { description: 'CITY, VENUE, REGION or OTHER.' })
  kind!: string;

  @Field(() => [String], { description: 'Other names sources use, e.g. `US`, `Washington`.' })
  aliases!: string[];

  countryId!: string | null;
}
