import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';

@ObjectType({ description: 'A source document: a news article, a communiqué, a transcript.' })
export class Document {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date the document was published.' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 language code.' })
  language!: string | null;

  publisherId!: string | null;
}
