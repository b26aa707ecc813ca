import { keptLoader } from '../common/loaders';
import type { PersonRecord } from './person.type';

export const personById = keptLoader<PersonRecord>('person/by-ids');
