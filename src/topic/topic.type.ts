import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { Fact } from '../common/fact.interface';

@ObjectType({ simpleResolvers: true, description: 'An issue or subject: Taiwan, trade in advanced chips, China-US relations.' })
@Directive('@key(fields: "id")')
export class Topic {
  @Field(() => ID, { description: 'Stable identifier, e.g. `taiwan`.' })
  id!: string;

  @Field(() => String, { description: 'The name of the issue or subject.' })
  name!: string;

  @Field(() => [String], { description: 'Other names sources use for it.' })
  aliases!: string[];
}

@ObjectType({ simpleResolvers: true, implements: Fact, description: 'A source saying that an issue strains the relation between two countries.' })
export class RelationIssue extends Fact {
  @Field(() => DateScalar, { nullable: true, description: 'The date the source speaks about.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'How the source put it, e.g. "threats from Beijing against Taiwan".' })
  description!: string | null;

  topicId!: string;
}
