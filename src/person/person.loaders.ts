import { singleLoader, type LoaderFactory } from '../common/loaders';
import { entityReads } from '../neo4j/keyed-read-cache';
import type { PersonRecord } from './person.type';

export const personById: LoaderFactory<string, PersonRecord | null> = (db) => singleLoader<PersonRecord>(db, 'person/by-ids', {}, entityReads);
