import { Field, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization.type';

@ObjectType({ simpleResolvers: true, description: 'The relation between two countries: their meetings and the issues between them.' })
export class Bilateral {
  @Field(() => [Organization], { description: 'The two countries, in the order asked.' })
  countries!: Organization[];
}
