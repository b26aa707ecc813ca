import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../config';
import { SEED_DIR, seedFiles } from '../ingest/seed';
import { type DraftOutcome, draftArticle, parseArticle } from './draft';
import type { Gazetteer } from './gazetteer';
import { type KindScore, scoreDraft } from './score';

/**
 * The evaluation set: the source article (kept beside its seed as `seeds/001-….txt`, exactly as
 * it was received, so that a clone needs nothing from outside the repository) against the
 * hand-curated seed, and three articles written
 * for this purpose (tests/draft/articles) against their reference files. The reference's publisher
 * is passed to the drafter (it is metadata, not text); nothing else of the reference is.
 */
export interface EvaluationCase {
  name: string;
  article: string;
  reference: string;
}

export const ARTICLE_DIR = path.join(PROJECT_ROOT, 'tests', 'draft', 'articles');

export function evaluationCases(): EvaluationCase[] {
  const cases: EvaluationCase[] = [
    { name: 'source article (DW, 2023-06-19) vs seeds/001', article: path.join(SEED_DIR, '001-dw-2023-06-19-xi-blinken.txt'), reference: path.join(SEED_DIR, '001-dw-2023-06-19-xi-blinken.yaml') },
  ];
  for (const f of fs.readdirSync(ARTICLE_DIR).filter((x) => x.endsWith('.txt')).sort()) {
    cases.push({ name: f.replace(/\.txt$/, ''), article: path.join(ARTICLE_DIR, f), reference: path.join(ARTICLE_DIR, f.replace(/\.txt$/, '.yaml')) });
  }
  return cases;
}

export const readFactFile = (file: string) => YAML.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

export interface EvaluationResult {
  case: EvaluationCase;
  outcome: DraftOutcome;
  scores: KindScore[];
}

export function evaluate(c: EvaluationCase, gazetteer?: Gazetteer): EvaluationResult {
  const seeds = seedFiles().map(readFactFile);
  const reference = readFactFile(c.reference);
  const context = seeds.filter((s) => s !== reference);
  const doc = reference.document as { publisher: string };
  const publisherEntity = [reference, ...context].flatMap((f) => (f.organizations as Array<{ id: string; name: string }> | undefined) ?? []).find((o) => o.id === doc.publisher);
  const outcome = draftArticle(parseArticle(fs.readFileSync(c.article, 'utf8')), { gazetteer, publisher: publisherEntity?.name ?? doc.publisher });
  return { case: c, outcome, scores: scoreDraft(outcome.file, reference, context) };
}
