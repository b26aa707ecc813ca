import type { QueryRunner } from '../neo4j/database';
import { type DraftOutcome, draftArticle, parseArticle } from './draft';
import { graphGazetteer, offlineGazetteer } from './gazetteer';

export interface DraftRequest {
  raw: string;
  /** Resolve within the text only (no graph). */
  offline?: boolean;
  publisher?: string;
  date?: string;
  title?: string;
  url?: string;
}

/** The one way to draft, for the CLI and the API: reads the graph (one named query) or nothing; never writes. */
export async function draftFromText(db: QueryRunner | null, request: DraftRequest): Promise<DraftOutcome> {
  const article = parseArticle(request.raw, { date: request.date, title: request.title });
  const gazetteer = request.offline || !db ? offlineGazetteer() : await graphGazetteer(db, article.date);
  return draftArticle(article, { gazetteer, publisher: request.publisher, url: request.url });
}
