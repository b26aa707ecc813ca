import { keptLoader } from '../common/loaders';
import type { Organization } from './organization.type';
import type { Place } from './place.type';

export const organizationById = keptLoader<Organization>('organization/by-ids');
export const placeById = keptLoader<Place>('organization/places-by-ids');
