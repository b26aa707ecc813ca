import { groupedLoader, singleLoader, type LoaderFactory } from '../common/loaders';
import { entityReads } from '../neo4j/keyed-read-cache';
import type { Position } from './position.type';
import type { Tenure } from './tenure.type';

export const positionById: LoaderFactory<string, Position | null> = (db) => singleLoader<Position>(db, 'office/positions-by-ids', {}, entityReads);
export const tenureById: LoaderFactory<string, Tenure | null> = (db) => singleLoader<Tenure>(db, 'office/tenures-by-ids');

/** Tenures of many people (or positions) at once, all or those valid on `asOf`. */
function tenuresBy(anchor: 'personIds' | 'positionIds'): LoaderFactory<string, Tenure[], { asOf: string | null }> {
  return (db, { asOf }) => groupedLoader<Tenure>(db, 'office/tenures', { personIds: [], positionIds: [], asOf }, anchor);
}

export const tenuresByPerson = tenuresBy('personIds');
export const tenuresByPosition = tenuresBy('positionIds');
