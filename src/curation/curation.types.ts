import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A correction of one field of a fact, kept as a Revision.' })
export class FactCorrection {
  @Field(() => ID, { description: 'The id of the corrected fact.' })
  id!: string;

  @Field(() => String, { description: 'The kind of fact: Tenure, Meeting, ...' })
  kind!: string;

  @Field(() => String, { description: 'The field that was corrected.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value before the correction.' })
  oldValue!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after it.' })
  newValue!: string | null;

  @Field(() => ID, { description: 'The Revision node that records the change.' })
  revisionId!: string;

  @Field(() => Int, { description: 'Derived RANKS_ABOVE edges that rest on this fact after the change.' })
  rankEdges!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A retracted fact: labelled, never deleted.' })
export class FactRetraction {
  @Field(() => ID, { description: 'The id of the retracted fact.' })
  id!: string;

  @Field(() => String, { description: 'The kind of fact: Tenure, Meeting, ...' })
  kind!: string;

  @Field(() => String, { description: 'When it was retracted (ISO date-time).' })
  retractedAt!: string;

  @Field(() => Int, { description: 'Derived RANKS_ABOVE edges removed because they rested on this fact.' })
  rankEdgesRemoved!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Two people found to be one: what moved where.' })
export class PeopleMerge {
  @Field(() => ID, { description: 'The id of the person kept.' })
  keep!: string;

  @Field(() => ID, { description: 'The id of the person merged into it (now a MergedPerson).' })
  merged!: string;

  @Field(() => Int, { description: 'Relationships moved from the merged person to the kept one.' })
  relationshipsMoved!: number;

  @Field(() => [String], { description: 'The kept person\'s aliases after the merge.' })
  aliases!: string[];
}
