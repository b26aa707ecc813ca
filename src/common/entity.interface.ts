import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Anything with a name that a fact can point at: a person, an organisation, a place. Fields that
 * may hold more than one kind (a speaker, a destination) have this type, so `{ name }` works
 * without fragments.
 */
@InterfaceType({ description: 'A named thing: a Person, an Organization or a Place.' })
export abstract class Entity {
  @Field(() => ID, { description: 'Stable identifier, e.g. `antony-blinken` or `usa`.' })
  id!: string;

  @Field(() => String, { description: 'The name most sources use.' })
  name!: string;
}

/** A reference as the queries return it: the id and the node's label. */
export interface EntityRef {
  id: string;
  kind: string;
}
