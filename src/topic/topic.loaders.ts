import { groupedLoader, keptLoader, type LoaderFactory } from '../common/loaders';
import type { Topic } from './topic.type';

export const topicsOfFact: LoaderFactory<string, Topic[]> = (db) => groupedLoader<Topic>(db, 'topic/topics-of-fact');
export const topicById = keptLoader<Topic>('topic/by-ids');
