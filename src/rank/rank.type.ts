import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { Fact } from '../common/fact.interface';
import type { Chain, ClaimRecord, ContradictionRecord, Link, Segment } from './rank.engine';

export enum RankBasis {
  STATED = 'STATED',
  DERIVED = 'DERIVED',
}
registerEnumType(RankBasis, {
  name: 'RankBasis',
  description: 'STATED: one step, a claim a source states. DERIVED: from position precedence, or from chaining claims (hops > 1).',
  valuesConfig: {
    STATED: { description: 'Every step is a claim a source states (one step).' },
    DERIVED: { description: 'Derived from position precedence, or from chaining claims (more than one step).' },
  },
});

export enum RankLinkKind {
  CLAIM = 'CLAIM',
  PRECEDENCE = 'PRECEDENCE',
}
registerEnumType(RankLinkKind, {
  name: 'RankLinkKind',
  description: 'CLAIM: a source states that one person ranks above the other. PRECEDENCE: their positions have different levels in the context.',
  valuesConfig: {
    CLAIM: { description: 'A source states that the superior ranks above the inferior.' },
    PRECEDENCE: { description: "The superior's effective precedence level is higher (a lower number) than the inferior's." },
  },
});

export enum RankRelation {
  ABOVE = 'ABOVE',
  BELOW = 'BELOW',
  EQUAL = 'EQUAL',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(RankRelation, {
  name: 'RankRelation',
  description:
    'How `a` relates to `b`. EQUAL: a tie (the same effective precedence level, no claim either way). UNKNOWN: nothing connects them, or sources contradict each other (see `contradictions`).',
  valuesConfig: {
    ABOVE: { description: 'a ranks above b.' },
    BELOW: { description: 'a ranks below b.' },
    EQUAL: { description: 'A tie: the same effective precedence level, and no claim either way.' },
    UNKNOWN: { description: 'Nothing connects them in the context, or the sources contradict each other.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A named hierarchy in which rank is compared, e.g. the PRC party-state hierarchy. Rank is never chained across contexts.' })
export class RankContext {
  @Field(() => ID, { description: 'Stable identifier, e.g. `prc-party-state`.' })
  id!: string;

  @Field(() => String, { description: 'The name of the hierarchy.' })
  name!: string;

  @Field(() => [String], { description: 'Other names sources use, e.g. "Beijing\'s power hierarchy".' })
  aliases!: string[];
}

@ObjectType({
  simpleResolvers: true,
  implements: Fact,
  description:
    'A source stating that one person ranks above another in a context. It is valid only while the tenures it rests on are: from the latest start to the earliest end, half-open.',
})
export class RankClaim extends Fact {
  @Field(() => ID, { description: 'Stable identifier of the claim, e.g. `rank-wang-yi-above-qin-gang`.' })
  override id!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date the source speaks about.' })
  date!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day the claim holds (the latest start of its tenures); null: unbounded.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds (the earliest end of its tenures); null: still open.' })
  validTo!: string | null;

  record!: ClaimRecord;
}

@ObjectType({ simpleResolvers: true, implements: Fact, description: 'The level of a position inside a rank context (1 = highest); equal levels are ties.' })
export class Precedence extends Fact {
  @Field(() => ID, { description: 'Stable identifier of the precedence fact.' })
  override id!: string;

  @Field(() => Int, { description: 'Level in the context; 1 is the highest.' })
  level!: number;

  @Field(() => DateScalar, { nullable: true, description: 'First day this precedence holds; null: unknown or always.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds (exclusive); null: open.' })
  validTo!: string | null;

  positionId!: string;
  contextId!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A person's effective precedence level in a context over an interval: the best level among the positions they held then, with the precedence and the tenure it comes from.",
})
export class RankLevel {
  @Field(() => Int, { description: 'The effective level (1 = highest).' })
  level!: number;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the interval over which this level holds; null: unbounded.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds; null: open.' })
  validTo!: string | null;

  segment!: Segment;
}

@ObjectType({ simpleResolvers: true, description: 'One step of a rank chain: `superior` ranks above `inferior`, because of a claim or of precedence, with the evidence for it.' })
export class RankLink {
  @Field(() => RankLinkKind, { description: 'CLAIM (a source states it) or PRECEDENCE (derived from position levels).' })
  kind!: RankLinkKind;

  @Field(() => DateScalar, { nullable: true, description: 'First day this step holds; null: unbounded.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds; null: open.' })
  validTo!: string | null;

  link!: Link;
}

@ObjectType({ simpleResolvers: true, description: 'Someone reached by the transitive rank closure of a person, with the chain that proves it.' })
export class RankStep {
  @Field(() => Int, { description: 'The number of links in the chain (1 = direct).' })
  hops!: number;

  @Field(() => RankBasis, { description: 'STATED when the chain is one claim a source states; DERIVED when it comes from precedence or chains claims.' })
  basis!: RankBasis;

  @Field(() => DateScalar, { nullable: true, description: 'First day the whole chain holds (the latest start of its steps); null: unbounded.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds (the earliest end of its steps); null: open.' })
  validTo!: string | null;

  @Field(() => Boolean, {
    description: 'True when the opposite order is also proven in the same context over an overlapping time: the sources contradict each other (see compareRank).',
  })
  contradicted!: boolean;

  chain!: Chain;
}

@ObjectType({ simpleResolvers: true, description: 'Sources that say both that a ranks above b and that b ranks above a, in the same context, over overlapping time.' })
export class RankContradiction {
  @Field(() => DateScalar, { nullable: true, description: 'First day both chains hold; null: unbounded.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day one of them no longer holds; null: open.' })
  validTo!: string | null;

  record!: ContradictionRecord;
}

@ObjectType({ simpleResolvers: true, description: 'How person a ranks relative to person b in one context, and why.' })
export class RankComparison {
  @Field(() => RankRelation, { description: 'a relative to b: ABOVE, BELOW, EQUAL (tie) or UNKNOWN (nothing connects them, or a contradiction).' })
  relation!: RankRelation;

  @Field(() => RankBasis, { nullable: true, description: 'For ABOVE or BELOW: STATED (one claim) or DERIVED.' })
  basis!: RankBasis | null;

  @Field(() => Int, { nullable: true, description: 'For ABOVE or BELOW: the number of links in `path`.' })
  hops!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'For ABOVE or BELOW: first day the proving chain holds; null: unbounded.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'For ABOVE or BELOW: first day it no longer holds; null: open.' })
  validTo!: string | null;

  aId!: string;
  bId!: string;
  contextId!: string | null;
  chain!: Chain | null;
  levelSegments!: Segment[];
  contradictionRecords!: ContradictionRecord[];
  others!: RankComparison[];
}
