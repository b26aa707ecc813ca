import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';

@ObjectType({ simpleResolvers: true, description: 'A source document: a news article, a communiqué, a transcript.' })
export class Document {
  @Field(() => ID, { description: 'Stable identifier of the document.' })
  id!: string;

  @Field(() => String, { description: 'The headline or title.' })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date the document was published.' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the document can be read.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 language code.' })
  language!: string | null;

  publisherId!: string | null;
}
