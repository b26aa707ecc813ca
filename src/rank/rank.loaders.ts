import DataLoader from 'dataloader';
import { singleLoader, type LoaderFactory } from '../common/loaders';
import { nameKey } from '../common/names';
import { ambiguousName, type Candidate, notFound } from '../errors';
import type { LoaderRegistry } from '../common/loaders';
import { type PersonClosure, RankGraph, type RankGraphRows } from './rank.engine';
import type { RankContext } from './rank.type';

export const rankContextById: LoaderFactory<string, RankContext | null> = (db) => singleLoader<RankContext>(db, 'rank/contexts-by-ids');

/** Rank contexts by name, alias or id (keys already folded with nameKey): the candidates per key. */
const rankContextsByName: LoaderFactory<string, Candidate[] | null> = (db) => singleLoader<Candidate[]>(db, 'names/resolve', { label: 'RankContext' });

/**
 * The id of the rank context a `context` argument names: null when omitted, NOT_FOUND when it names
 * nothing, AMBIGUOUS_NAME when several. Batched, so that `outranks(context: ...)` on a hundred people
 * looks the name up once.
 */
export async function rankContextIdOf(loaders: LoaderRegistry, name: string | null | undefined): Promise<string | null> {
  if (name === null || name === undefined) return null;
  const candidates = (await loaders.get(rankContextsByName).load(nameKey(name))) ?? [];
  if (candidates.length > 1) throw ambiguousName(name, candidates);
  if (candidates.length === 0) throw notFound(`No rank context is named "${name}"`, { argument: 'context', name });
  return candidates[0].id;
}

export interface RankArgs {
  asOf: string | null;
  contextId: string | null;
}

/** What the rank fields of one person need: the request's rank graph and the person's closure in it. */
export interface PersonRankView {
  graph: RankGraph;
  closure: PersonClosure;
}

/**
 * The rank closure of many people at once: one `rank/graph` round trip per batch (per distinct
 * asOf/context in a request), then each closure in memory. `outranks`/`outrankedBy` on a list of
 * people and `compareRank` therefore cost one query, not one per person.
 */
export const rankClosureByPerson: LoaderFactory<string, PersonRankView, RankArgs> = (db, { asOf, contextId }) => {
  let graph: Promise<RankGraph> | null = null;
  return new DataLoader<string, PersonRankView>(
    async (personIds) => {
      graph ??= db.read<RankGraphRows>('rank/graph', { asOf, contextId }).then((rows) => new RankGraph(rows[0] ?? { claims: [], holdings: [] }, asOf));
      const g = await graph;
      return personIds.map((id) => ({ graph: g, closure: g.closure(id, contextId) }));
    },
    { maxBatchSize: 1000 },
  );
};
