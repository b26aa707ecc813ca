/**
 * Prints the drafter's precision and recall per fact kind for the four evaluation articles
 * (offline: no graph, names resolved within the text only).
 *
 *   npm run build && node dist/bench/draft-scores.js
 */
import { evaluate, evaluationCases } from '../src/draft/evaluation';
import { formatScores, type KindScore } from '../src/draft/score';

const all: KindScore[] = [];
for (const c of evaluationCases()) {
  const r = evaluate(c);
  all.push(...r.scores);
  process.stdout.write(`${formatScores(c.name, r.scores)}\n`);
  if (r.outcome.problems.length > 0) process.stdout.write(`  (draft does not validate: ${r.outcome.problems.join('; ')})\n`);
  process.stdout.write('\n');
}
const byKind = new Map<string, KindScore>();
for (const s of all) {
  const t = byKind.get(s.kind) ?? { ...s, reference: 0, drafted: 0, matched: 0 };
  t.reference += s.reference;
  t.drafted += s.drafted;
  t.matched += s.matched;
  byKind.set(s.kind, t);
}
const totals = [...byKind.values()].map((t) => {
  const precision = t.drafted === 0 ? (t.reference === 0 ? 1 : 0) : t.matched / t.drafted;
  const recall = t.reference === 0 ? 1 : t.matched / t.reference;
  return { ...t, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
});
process.stdout.write(`${formatScores('all four articles (pooled)', totals)}\n`);
