import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import type { LoaderRegistry } from '../common/loaders';
import { positionById, tenureById } from '../office/office.loaders';
import { Position } from '../office/position.type';
import { Tenure } from '../office/tenure.type';
import { personById } from '../person/person.loaders';
import { requirePerson } from '../person/person.repository';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { Evidence } from '../source/evidence.type';
import { evidenceByFactId } from '../source/source.loaders';
import {
  type Chain,
  type ClaimRecord,
  compareInContext,
  type ComparisonRecord,
  comparisonWeight,
  type HoldingRecord,
  type Link,
  RANK_MAX_HOPS,
  type Segment,
  stepsOf,
} from './rank.engine';
import { rankContextById, rankContextIdOf, rankViewOf } from './rank.loaders';
import {
  Precedence,
  RankBasis,
  RankClaim,
  RankComparison,
  RankContext,
  RankContradiction,
  RankLevel,
  RankLink,
  RankLinkKind,
  RankRelation,
  RankStep,
} from './rank.type';

const AS_OF_DOC =
  'The day to answer for: a claim counts iff asOf is in [validFrom, validTo) of the tenures it rests on, a chain iff every step does. Omitted: whenever the evidence speaks of (each chain still needs its steps to overlap in time, and reports the interval over which it holds).';
const CONTEXT_DOC = 'A rank context by name, alias or id. Omitted: every context, each answer labelled with its own (chains never cross contexts).';

// ------------------------------------------------------------------ record → GraphQL object

function toClaim(record: ClaimRecord): RankClaim {
  return Object.assign(new RankClaim(), { id: record.id, date: record.date, validFrom: record.validFrom, validTo: record.validTo, record });
}

function toPrecedence(h: HoldingRecord): Precedence {
  return Object.assign(new Precedence(), {
    id: h.precedenceId,
    level: h.level,
    validFrom: h.precedenceFrom,
    validTo: h.precedenceTo,
    positionId: h.positionId,
    contextId: h.contextId,
  });
}

function toLevel(segment: Segment): RankLevel {
  return Object.assign(new RankLevel(), { level: segment.level, validFrom: segment.from, validTo: segment.to, segment });
}

function toLink(link: Link): RankLink {
  return Object.assign(new RankLink(), { kind: link.kind as RankLinkKind, validFrom: link.interval.from, validTo: link.interval.to, link });
}

function toStep(chain: Chain, contradicted: boolean): RankStep {
  return Object.assign(new RankStep(), {
    hops: chain.hops,
    basis: chain.basis as RankBasis,
    validFrom: chain.interval.from,
    validTo: chain.interval.to,
    contradicted,
    chain,
  });
}

function toComparison(c: ComparisonRecord, others: RankComparison[] = []): RankComparison {
  const chain = c.chain;
  return Object.assign(new RankComparison(), {
    relation: c.relation as RankRelation,
    basis: chain ? (chain.basis as RankBasis) : null,
    hops: chain ? chain.hops : null,
    validFrom: chain ? chain.interval.from : null,
    validTo: chain ? chain.interval.to : null,
    aId: c.aId,
    bId: c.bId,
    contextId: c.contextId,
    chain,
    levelSegments: c.levels,
    contradictionRecords: c.contradictions,
    others,
  });
}

/** The evidence of several facts, in one batched load, without duplicates. */
async function evidenceOf(loaders: LoaderRegistry, factIds: string[]): Promise<Evidence[]> {
  const lists = await loaders.get(evidenceByFactId).loadMany([...new Set(factIds)]);
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const list of lists) {
    if (list instanceof Error) throw list;
    for (const e of list) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      out.push(e);
    }
  }
  return out;
}

function segmentFacts(s: Segment | null): string[] {
  return s ? [s.holding.precedenceId, s.holding.tenureId] : [];
}

// ------------------------------------------------------------------ resolvers

@Resolver(() => RankComparison)
export class RankResolver {
  @Query(() => RankComparison, {
    description:
      'How person `a` ranks relative to person `b`: ABOVE, BELOW, EQUAL (a precedence tie) or UNKNOWN, with the chain of claims and precedence that proves it. When sources say both, the relation is UNKNOWN and both chains are in `contradictions`. Without `context`, the context that says most is answered and the others are in `inOtherContexts`. Names are looked up like `person(name:)`: unknown is NOT_FOUND, ambiguous is AMBIGUOUS_NAME.',
  })
  async compareRank(
    @Arg('a', () => String, { description: 'The first person: name, alias or id.' }) a: string,
    @Arg('b', () => String, { description: 'The second person: name, alias or id.' }) b: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF_DOC }) asOf: string | null,
    @Arg('context', () => String, { nullable: true, description: CONTEXT_DOC }) context: string | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<RankComparison> {
    const [personA, personB, contextId] = await Promise.all([requirePerson(db, a, 'a'), requirePerson(db, b, 'b'), rankContextIdOf(loaders, context)]);
    const { graph, closure } = await rankViewOf(loaders, { asOf: asOf ?? null, contextId }, personA.id);
    const unknown = (ctx: string | null): ComparisonRecord => ({
      aId: personA.id,
      bId: personB.id,
      contextId: ctx,
      relation: personA.id === personB.id ? 'EQUAL' : 'UNKNOWN',
      chain: null,
      levels: [],
      contradictions: [],
    });
    if (personA.id === personB.id) return toComparison(unknown(contextId));
    const contexts = contextId ? [contextId] : graph.contextsOf(personA.id).filter((c) => graph.contextsOf(personB.id).includes(c));
    const found = contexts
      .map((c) => compareInContext(graph, closure, personB.id, c))
      .sort((x, y) => comparisonWeight(x) - comparisonWeight(y) || (x.chain?.hops ?? 0) - (y.chain?.hops ?? 0) || (x.contextId ?? '').localeCompare(y.contextId ?? ''));
    if (found.length === 0) return toComparison(unknown(contextId));
    const [first, ...rest] = found;
    return toComparison(
      first,
      rest.filter((c) => comparisonWeight(c) < 3).map((c) => toComparison(c)),
    );
  }

  @FieldResolver(() => Person, { name: 'a', description: 'The first person compared.' })
  personA(@Root() c: RankComparison, @Ctx() { loaders }: Context) {
    return loaders.load(personById, c.aId);
  }

  @FieldResolver(() => Person, { name: 'b', description: 'The second person compared.' })
  personB(@Root() c: RankComparison, @Ctx() { loaders }: Context) {
    return loaders.load(personById, c.bId);
  }

  @FieldResolver(() => RankContext, { nullable: true, description: 'The context of this answer; null when the two share none.' })
  context(@Root() c: RankComparison, @Ctx() { loaders }: Context) {
    return c.contextId ? loaders.load(rankContextById, c.contextId) : null;
  }

  @FieldResolver(() => [RankLink], { description: 'For ABOVE or BELOW: the chain that proves it, from the higher-ranking person down. Empty otherwise.' })
  path(@Root() c: RankComparison): RankLink[] {
    return c.chain ? c.chain.links.map(toLink) : [];
  }

  @FieldResolver(() => [RankLevel], {
    description: "The effective precedence levels behind the answer: for EQUAL, the two tied levels; with asOf, each person's level in the context on that day.",
  })
  levels(@Root() c: RankComparison): RankLevel[] {
    return c.levelSegments.map(toLevel);
  }

  @FieldResolver(() => [RankContradiction], {
    description: 'When sources say both that a ranks above b and that b ranks above a in this context over overlapping time: both chains. Never hidden; the relation is then UNKNOWN.',
  })
  contradictions(@Root() c: RankComparison): RankContradiction[] {
    return c.contradictionRecords.map((record) => Object.assign(new RankContradiction(), { validFrom: record.interval.from, validTo: record.interval.to, record }));
  }

  @FieldResolver(() => [RankComparison], { description: 'Without `context`: the answers of the other contexts that say something about the two (each labelled with its context).' })
  inOtherContexts(@Root() c: RankComparison): RankComparison[] {
    return c.others;
  }
}

@Resolver(() => RankContradiction)
export class RankContradictionResolver {
  @FieldResolver(() => RankContext, { description: 'The context in which both are claimed.' })
  context(@Root() c: RankContradiction, @Ctx() { loaders }: Context) {
    return loaders.load(rankContextById, c.record.contextId);
  }

  @FieldResolver(() => [RankLink], { description: 'The chain that says a ranks above b.' })
  aAboveB(@Root() c: RankContradiction): RankLink[] {
    return c.record.aAboveB.links.map(toLink);
  }

  @FieldResolver(() => [RankLink], { description: 'The chain that says b ranks above a.' })
  bAboveA(@Root() c: RankContradiction): RankLink[] {
    return c.record.bAboveA.links.map(toLink);
  }
}

/** The rank fields of Person. */
@Resolver(() => Person)
export class PersonRankResolver {
  @FieldResolver(() => [RankStep], {
    description: `People this person ranks above, transitively (chains of at most ${RANK_MAX_HOPS} links, never across contexts), each with the chain that proves it. Batched: asking it of many people costs one query.`,
  })
  async outranks(
    @Root() person: Person,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF_DOC }) asOf: string | null,
    @Arg('context', () => String, { nullable: true, description: CONTEXT_DOC }) context: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<RankStep[]> {
    const contextId = await rankContextIdOf(loaders, context);
    const { closure } = await rankViewOf(loaders, { asOf: asOf ?? null, contextId }, person.id);
    return stepsOf(closure, 'DOWN').map((s) => toStep(s, s.contradicted));
  }

  @FieldResolver(() => [RankStep], {
    description: 'People who rank above this person, transitively (same rules as `outranks`), each with the chain that proves it, from the highest down to this person.',
  })
  async outrankedBy(
    @Root() person: Person,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF_DOC }) asOf: string | null,
    @Arg('context', () => String, { nullable: true, description: CONTEXT_DOC }) context: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<RankStep[]> {
    const contextId = await rankContextIdOf(loaders, context);
    const { closure } = await rankViewOf(loaders, { asOf: asOf ?? null, contextId }, person.id);
    return stepsOf(closure, 'UP').map((s) => toStep(s, s.contradicted));
  }
}

@Resolver(() => RankStep)
export class RankStepResolver {
  @FieldResolver(() => Person, { description: 'The person reached: ranked below (outranks) or above (outrankedBy) the one asked about.' })
  person(@Root() step: RankStep, @Ctx() { loaders }: Context) {
    return loaders.load(personById, step.chain.personId);
  }

  @FieldResolver(() => RankContext, { description: 'The context the whole chain lies in.' })
  context(@Root() step: RankStep, @Ctx() { loaders }: Context) {
    return loaders.load(rankContextById, step.chain.contextId);
  }

  @FieldResolver(() => [RankLink], { description: 'The chain, from the highest-ranking person down to the lowest; one link per hop.' })
  path(@Root() step: RankStep): RankLink[] {
    return step.chain.links.map(toLink);
  }
}

@Resolver(() => RankLink)
export class RankLinkResolver {
  @FieldResolver(() => Person, { description: 'The higher-ranking person of this step.' })
  superior(@Root() l: RankLink, @Ctx() { loaders }: Context) {
    return loaders.load(personById, l.link.superiorId);
  }

  @FieldResolver(() => Person, { description: 'The lower-ranking person of this step.' })
  inferior(@Root() l: RankLink, @Ctx() { loaders }: Context) {
    return loaders.load(personById, l.link.inferiorId);
  }

  @FieldResolver(() => RankContext, { description: 'The context of this step.' })
  context(@Root() l: RankLink, @Ctx() { loaders }: Context) {
    return loaders.load(rankContextById, l.link.contextId);
  }

  @FieldResolver(() => RankClaim, { nullable: true, description: 'For a CLAIM step: the claim a source states.' })
  claim(@Root() l: RankLink): RankClaim | null {
    return l.link.claim ? toClaim(l.link.claim) : null;
  }

  @FieldResolver(() => [Precedence], { description: "For a PRECEDENCE step: the precedence facts of the superior's and the inferior's positions." })
  precedence(@Root() l: RankLink): Precedence[] {
    const out: Precedence[] = [];
    for (const s of [l.link.superiorSegment, l.link.inferiorSegment]) if (s && !out.some((p) => p.id === s.holding.precedenceId)) out.push(toPrecedence(s.holding));
    return out;
  }

  @FieldResolver(() => RankLevel, { nullable: true, description: "For a PRECEDENCE step: the superior's effective level." })
  superiorLevel(@Root() l: RankLink): RankLevel | null {
    return l.link.superiorSegment ? toLevel(l.link.superiorSegment) : null;
  }

  @FieldResolver(() => RankLevel, { nullable: true, description: "For a PRECEDENCE step: the inferior's effective level." })
  inferiorLevel(@Root() l: RankLink): RankLevel | null {
    return l.link.inferiorSegment ? toLevel(l.link.inferiorSegment) : null;
  }

  @FieldResolver(() => [Tenure], { description: 'The tenures the step rests on: the basis of the claim, or the offices that give the two levels.' })
  async tenures(@Root() l: RankLink, @Ctx() { loaders }: Context): Promise<Tenure[]> {
    const ids = l.link.claim ? l.link.claim.basis : [l.link.superiorSegment, l.link.inferiorSegment].flatMap((s) => (s ? [s.holding.tenureId] : []));
    const tenures = await loaders.get(tenureById).loadMany([...new Set(ids)]);
    return tenures.filter((t): t is Tenure => t !== null && !(t instanceof Error));
  }

  @FieldResolver(() => [Evidence], {
    description: "The evidence of this step: for a CLAIM, the sentences stating it; for PRECEDENCE, the precedence facts' and the tenures' evidence.",
  })
  evidence(@Root() l: RankLink, @Ctx() { loaders }: Context): Promise<Evidence[]> {
    const ids = l.link.claim ? [l.link.claim.id] : [...segmentFacts(l.link.superiorSegment), ...segmentFacts(l.link.inferiorSegment)];
    return evidenceOf(loaders, ids);
  }
}

@Resolver(() => RankLevel)
export class RankLevelResolver {
  @FieldResolver(() => Person, { description: 'Whose level this is.' })
  person(@Root() level: RankLevel, @Ctx() { loaders }: Context) {
    return loaders.load(personById, level.segment.personId);
  }

  @FieldResolver(() => RankContext, { description: 'The context of the level.' })
  context(@Root() level: RankLevel, @Ctx() { loaders }: Context) {
    return loaders.load(rankContextById, level.segment.contextId);
  }

  @FieldResolver(() => Position, { nullable: true, description: 'The position that gives this level.' })
  position(@Root() level: RankLevel, @Ctx() { loaders }: Context) {
    return loaders.load(positionById, level.segment.holding.positionId);
  }

  @FieldResolver(() => Precedence, { description: 'The precedence fact of that position.' })
  precedence(@Root() level: RankLevel): Precedence {
    return toPrecedence(level.segment.holding);
  }

  @FieldResolver(() => Tenure, { nullable: true, description: 'The tenure in that position.' })
  tenure(@Root() level: RankLevel, @Ctx() { loaders }: Context) {
    return loaders.load(tenureById, level.segment.holding.tenureId);
  }

  @FieldResolver(() => [Evidence], { description: "The precedence fact's and the tenure's evidence." })
  evidence(@Root() level: RankLevel, @Ctx() { loaders }: Context): Promise<Evidence[]> {
    return evidenceOf(loaders, segmentFacts(level.segment));
  }
}

@Resolver(() => RankClaim)
export class RankClaimResolver {
  @FieldResolver(() => Person, { description: 'The person the source says ranks higher.' })
  superior(@Root() claim: RankClaim, @Ctx() { loaders }: Context) {
    return loaders.load(personById, claim.record.superiorId);
  }

  @FieldResolver(() => Person, { description: 'The person the source says ranks lower.' })
  inferior(@Root() claim: RankClaim, @Ctx() { loaders }: Context) {
    return loaders.load(personById, claim.record.inferiorId);
  }

  @FieldResolver(() => RankContext, { description: 'The hierarchy the claim is about.' })
  context(@Root() claim: RankClaim, @Ctx() { loaders }: Context) {
    return loaders.load(rankContextById, claim.record.contextId);
  }

  @FieldResolver(() => [Tenure], { description: 'The tenures the claim rests on; it holds only while all of them do.' })
  async basis(@Root() claim: RankClaim, @Ctx() { loaders }: Context): Promise<Tenure[]> {
    const tenures = await loaders.get(tenureById).loadMany(claim.record.basis);
    return tenures.filter((t): t is Tenure => t !== null && !(t instanceof Error));
  }
}

@Resolver(() => Precedence)
export class PrecedenceResolver {
  @FieldResolver(() => Position, { nullable: true, description: 'The position that has this level.' })
  position(@Root() p: Precedence, @Ctx() { loaders }: Context) {
    return loaders.load(positionById, p.positionId);
  }

  @FieldResolver(() => RankContext, { description: 'The context of the level.' })
  context(@Root() p: Precedence, @Ctx() { loaders }: Context) {
    return loaders.load(rankContextById, p.contextId);
  }
}
