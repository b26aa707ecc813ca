import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A correction of one field of a fact, kept as a Revision.' })
export class FactCorrection {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The kind of fact: Tenure, Meeting, ...' })
  kind!: string;

  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true })
  oldValue!: string | null;

  @Field(() => String, { nullable: true })
  newValue!: string | null;

  @Field(() => ID, { description: 'The Revision node that records the change.' })
  revisionId!: string;

  @Field(() => Int, { description: 'Derived RANKS_ABOVE edges that rest on this fact after the change.' })
  rankEdges!: number;
}

@ObjectType({ description: 'A retracted fact: labelled, never deleted.' })
export class FactRetraction {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  retractedAt!: string;

  @Field(() => Int, { description: 'Derived RANKS_ABOVE edges removed because they rested on this fact.' })
  rankEdgesRemoved!: number;
}

@ObjectType({ description: 'Two people found to be one: what moved where.' })
export class PeopleMerge {
  @Field(() => ID)
  keep!: string;

  @Field(() => ID)
  merged!: string;

  @Field(() => Int, { description: 'Relationships moved from the merged person to the kept one.' })
  relationshipsMoved!: number;

  @Field(() => [String], { description: 'The kept person\'s aliases after the merge.' })
  aliases!: string[];
}
