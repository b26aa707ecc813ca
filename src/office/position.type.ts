import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'An office, e.g. "Minister of Foreign Affairs of the PRC": held by people in tenures.' })
@Directive('@key(fields: "id")')
export class Position {
  @Field(() => ID, { description: 'Stable identifier, e.g. `us-secretary-of-state`.' })
  id!: string;

  @Field(() => String, { description: 'The official title.' })
  title!: string;

  @Field(() => [String], { description: 'Other titles sources use for this office.' })
  aliases!: string[];

  organizationId!: string | null;
  jurisdictionId!: string | null;
}
