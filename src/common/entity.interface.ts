import { Field, ID, InterfaceType } from 'type-graphql';
import type { LoaderRegistry } from './loaders';
import { organizationById, placeById } from '../organization/organization.loaders';
import { personById } from '../person/person.loaders';

/**
 * Anything with a name that a fact can point at: a person, an organisation, a place. Fields that
 * may hold more than one kind (a speaker, a destination) have this type, so `{ name }` works
 * without fragments.
 */
@InterfaceType({
  description: 'A named thing: a Person, an Organization or a Place.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
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

const loaderByKind = { Person: personById, Organization: organizationById, Place: placeById } as const;

/** Loads the entity behind a reference through the request's loaders, tagged with its GraphQL type. */
export async function loadEntity(loaders: LoaderRegistry, ref: EntityRef | null): Promise<object | null> {
  if (!ref) return null;
  const factory = loaderByKind[ref.kind as keyof typeof loaderByKind];
  if (!factory) return null;
  const entity = await loaders.load(factory as typeof personById, ref.id);
  return entity ? { ...entity, __typename: ref.kind } : null;
}
