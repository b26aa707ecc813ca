import { Field, ID, InterfaceType } from 'type-graphql';
import { Evidence } from '../source/evidence.type';

/**
 * Everything a source asserts — a tenure, a meeting, a statement, a rank claim — is a Fact, and
 * every Fact can say why it is believed: its evidence.
 */
@InterfaceType({ description: 'A fact asserted by one or more sources, with the passages that support it.' })
export abstract class Fact {
  @Field(() => ID, { description: 'Stable identifier of the fact, as given in its fact file.' })
  id!: string;

  @Field(() => [Evidence], { description: 'The passages that support this fact, with their documents.' })
  evidence!: Evidence[];
}
