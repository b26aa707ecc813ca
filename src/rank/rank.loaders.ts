import DataLoader from 'dataloader';
import { keptLoader, type LoaderFactory, singleLoader } from '../common/loaders';
import { nameKey } from '../common/names';
import { ambiguousName, type Candidate, notFound } from '../errors';
import type { LoaderRegistry } from '../common/loaders';
import { type RankView, rankGraphCache } from './rank-graph.cache';
import type { PersonClosure, RankGraph } from './rank.engine';
import type { RankContext } from './rank.type';

export const rankContextById = keptLoader<RankContext>('rank/contexts-by-ids');

/** Rank contexts by name, alias or id (keys already folded with nameKey): the candidates per key. */
const rankContextsByName: LoaderFactory<string, Candidate[] | null> = (db) => singleLoader<Candidate[]>(db, 'names/resolve', { params: { label: 'RankContext' } });

/**
 * The id of the rank context a `context` argument names: null when omitted, NOT_FOUND when it names
 * nothing, AMBIGUOUS_NAME when several. Batched, so that `outranks(context: ...)` on a hundred people
 * looks the name up once.
 */
export async function rankContextIdOf(loaders: LoaderRegistry, name: string | null | undefined): Promise<string | null> {
  if (name === null || name === undefined) return null;
  const candidates = (await loaders.load(rankContextsByName, nameKey(name))) ?? [];
  if (candidates.length > 1) throw ambiguousName(name, candidates);
  if (candidates.length === 0) throw notFound(`No rank context is named "${name}"`, { argument: 'context', name });
  return candidates[0].id;
}

export interface RankArgs {
  asOf: string | null;
  contextId: string | null;
}

/** What the rank fields of one person need: the request's rank graph, the person's closure in it, and the rank contexts. */
export interface PersonRankView {
  graph: RankGraph;
  closure: PersonClosure;
  contexts: ReadonlyMap<string, RankContext>;
}

/**
 * The rank closure of many people at once: the graph of the batch's asOf/context comes from the
 * process's rank cache (rank-graph.cache.ts: at most one `rank/graph` round trip, and none while
 * the cached snapshot is fresh), then each closure is computed in memory. `outranks`/`outrankedBy`
 * on a list of people and `compareRank` therefore cost at most one query, not one per person.
 */
export const rankClosureByPerson: LoaderFactory<string, PersonRankView, RankArgs> = (db, { asOf, contextId }) => {
  let view: Promise<RankView> | null = null;
  return new DataLoader<string, PersonRankView>(
    async (personIds) => {
      view ??= rankGraphCache.view(db, asOf, contextId);
      const { graph, contexts } = await view;
      return personIds.map((id) => ({ graph, contexts, closure: graph.closure(id, contextId) }));
    },
    { maxBatchSize: 1000 },
  );
};

/**
 * One person's rank view, with the request's `rankContextById` loader primed from the same
 * snapshot, so that `context { id name }` on the steps, links and levels costs no round trip.
 */
export async function rankViewOf(loaders: LoaderRegistry, args: RankArgs, personId: string): Promise<PersonRankView> {
  const view = await loaders.get(rankClosureByPerson, args).load(personId);
  for (const [id, context] of view.contexts) loaders.prime(rankContextById, id, context);
  return view;
}
