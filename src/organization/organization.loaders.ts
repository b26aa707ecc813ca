import { singleLoader, type LoaderFactory } from '../common/loaders';
import type { Organization } from './organization.type';
import type { Place } from './place.type';

export const organizationById: LoaderFactory<string, Organization | null> = (db) => singleLoader<Organization>(db, 'organization/by-ids');
export const placeById: LoaderFactory<string, Place | null> = (db) => singleLoader<Place>(db, 'organization/places-by-ids');
