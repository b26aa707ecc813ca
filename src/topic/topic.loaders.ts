import { groupedLoader, singleLoader, type LoaderFactory } from '../common/loaders';
import { entityReads } from '../neo4j/keyed-read-cache';
import type { Topic } from './topic.type';

export const topicsOfFact: LoaderFactory<string, Topic[]> = (db) => groupedLoader<Topic>(db, 'topic/topics-of-fact');
export const topicById: LoaderFactory<string, Topic | null> = (db) => singleLoader<Topic>(db, 'topic/by-ids', {}, entityReads);
