import { singleLoader, type LoaderFactory } from '../common/loaders';
import type { PersonRecord } from './person.type';

export const personById: LoaderFactory<string, PersonRecord | null> = (db) => singleLoader<PersonRecord>(db, 'person/by-ids');
