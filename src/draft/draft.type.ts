import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A graph record an ambiguous mention could mean.' })
export class DraftCandidate {
  @Field(() => String, { description: 'The id of the candidate record.' })
  id!: string;

  @Field(() => String, { description: 'Its name or title.' })
  name!: string;

  @Field(() => String, { description: 'Its kind: Person, Position, Organization or Place.' })
  kind!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An open question of a draft: an ambiguous name, a mention nothing resolved, a proposed new record.' })
export class DraftReviewItem {
  @Field(() => String, { description: 'AMBIGUOUS_NAME | UNRESOLVED_MENTION | NEW_RECORD | CHECK' })
  kind!: string;

  @Field(() => String, { description: 'The words of the text concerned.' })
  mention!: string;

  @Field(() => String, { description: 'What the reviewer should decide.' })
  message!: string;

  @Field(() => [DraftCandidate], { description: 'The records the mention could mean; never chosen for the reviewer.' })
  candidates!: DraftCandidate[];

  @Field(() => Int, { nullable: true, description: 'UTF-16 offset of the mention in the document text.' })
  start!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'How many records of one kind the draft holds.' })
export class DraftCount {
  @Field(() => String, { description: 'people, tenures, meetings, invitations, statements, rankClaims, relationIssues' })
  kind!: string;

  @Field(() => Int, { description: 'How many records of that kind.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A draft fact file for a person to review, then import with importFacts or `npm run import`.' })
export class DraftResult {
  @Field(() => String, { description: 'The draft in the import format (YAML), with `draft:` notes and a `review:` list.' })
  yaml!: string;

  @Field(() => [DraftCount], { description: 'How many records of each kind the draft holds.' })
  counts!: DraftCount[];

  @Field(() => [DraftReviewItem], { description: 'The open questions a reviewer must settle before importing.' })
  review!: DraftReviewItem[];
}

