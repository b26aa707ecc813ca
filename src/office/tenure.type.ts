import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { Fact } from '../common/fact.interface';

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  ATTESTED = 'ATTESTED',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precise a date is. ATTESTED: the source shows the state on that day, not when it began.',
});

@ObjectType({
  simpleResolvers: true,
  implements: Fact,
  description: 'One mandate of a person in a position, over the half-open interval [start, end): valid on D iff start <= D < end.',
})
export class Tenure extends Fact {
  @Field(() => DateScalar, { description: 'First day in office (or the first day a source attests it).' })
  start!: string;

  @Field(() => DatePrecision, { description: 'How precise `start` is.' })
  startPrecision!: DatePrecision;

  @Field(() => DateScalar, { nullable: true, description: 'First day no longer in office; null while it lasts.' })
  end!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How precise `end` is.' })
  endPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'Why it ended: REPLACED, RESIGNED, REMOVED, DIED, TERM_ENDED, OTHER.' })
  endCause!: string | null;

  personId!: string;
  positionId!: string;
}
