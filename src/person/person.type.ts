import { Entity } from '../common/entity.interface';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A person: an official, diplomat or anyone a source names.' })
@Directive('@key(fields: "id")')
export class Person extends Entity {
  @Field(() => ID, { description: 'Stable identifier, e.g. `antony-blinken`.' })
  override id!: string;

  @Field(() => String, { description: 'The name most sources use, in Latin script.' })
  override name!: string;

  @Field(() => String, { nullable: true, description: 'The name in its native script, e.g. 王毅.' })
  nativeName!: string | null;

  @Field(() => [String], { description: 'Other names and short forms sources use, e.g. `Blinken`.' })
  aliases!: string[];

  /** External identifiers, stored as a JSON object string (`{"wikidata":"Q7836040"}`). */
  externalIds!: string | null;
}

/** The plain shape a repository returns for a person. */
export type PersonRecord = Pick<Person, 'id' | 'name' | 'nativeName' | 'aliases' | 'externalIds'>;
