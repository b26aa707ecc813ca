import { groupedLoader, keptLoader, type LoaderFactory } from '../common/loaders';
import type { Position } from './position.type';
import type { Tenure } from './tenure.type';

export const positionById = keptLoader<Position>('office/positions-by-ids');
export const tenureById = keptLoader<Tenure>('office/tenures-by-ids');

/** Tenures of many people (or positions) at once, all or those valid on `asOf`. */
function tenuresBy(anchor: 'personIds' | 'positionIds'): LoaderFactory<string, Tenure[], { asOf: string | null }> {
  return (db, { asOf }) => groupedLoader<Tenure>(db, 'office/tenures', { personIds: [], positionIds: [], asOf }, anchor);
}

export const tenuresByPerson = tenuresBy('personIds');
export const tenuresByPosition = tenuresBy('positionIds');
