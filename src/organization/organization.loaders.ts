import { singleLoader, type LoaderFactory } from '../common/loaders';
import { entityReads } from '../neo4j/keyed-read-cache';
import type { Organization } from './organization.type';
import type { Place } from './place.type';

export const organizationById: LoaderFactory<string, Organization | null> = (db) => singleLoader<Organization>(db, 'organization/by-ids', {}, entityReads);
export const placeById: LoaderFactory<string, Place | null> = (db) => singleLoader<Place>(db, 'organization/places-by-ids', {}, entityReads);
