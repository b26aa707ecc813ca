import { groupedLoader, singleLoader, type LoaderFactory } from '../common/loaders';
import type { Document } from './document.type';
import type { Evidence } from './evidence.type';

export const evidenceByFactId: LoaderFactory<string, Evidence[]> = (db) => groupedLoader<Evidence>(db, 'source/evidence-by-fact');
export const documentById: LoaderFactory<string, Document | null> = (db) => singleLoader<Document>(db, 'source/documents-by-ids');
export const documentTextById: LoaderFactory<string, string | null> = (db) => singleLoader<string>(db, 'source/document-text');
