import type { Entity, EntityRef } from './entity.interface';
import type { LoaderRegistry } from './loaders';
import { organizationById, placeById } from '../organization/organization.loaders';
import { Organization } from '../organization/organization.type';
import { Place } from '../organization/place.type';
import { personById } from '../person/person.loaders';
import { Person } from '../person/person.type';

/** Each kind of entity a reference may name: how to load it, and its GraphQL class. */
const KINDS = {
  Person: { loader: personById, type: Person },
  Organization: { loader: organizationById, type: Organization },
  Place: { loader: placeById, type: Place },
} as const;

/**
 * Loads the entity behind a reference through the request's loaders, as an instance of its
 * class: the Entity interface tells a value's type by its class, as Fact does, and at once (no
 * promise), as graphql-jit's compiled documents require of every interface and union.
 */
export async function loadEntity(loaders: LoaderRegistry, ref: EntityRef | null): Promise<Entity | null> {
  if (!ref) return null;
  const kind = KINDS[ref.kind as keyof typeof KINDS];
  if (!kind) return null;
  const entity: object | null = await loaders.load(kind.loader as typeof personById, ref.id);
  return entity ? Object.assign(new kind.type(), entity) : null;
}
