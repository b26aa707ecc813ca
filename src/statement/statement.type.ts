import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import type { EntityRef } from '../common/entity.interface';
import { Fact } from '../common/fact.interface';

export enum StatementMode {
  DIRECT = 'DIRECT',
  INDIRECT = 'INDIRECT',
  PARAPHRASE = 'PARAPHRASE',
}
registerEnumType(StatementMode, {
  name: 'StatementMode',
  description: 'DIRECT: the words as quoted; INDIRECT: reported speech; PARAPHRASE: the source\'s own summary.',
});

@ObjectType({ simpleResolvers: true, implements: Fact, description: 'Something said, by whom, where, and who reported it.' })
export class Statement extends Fact {
  @Field(() => String, { description: 'Verbatim for DIRECT statements, the paraphrase otherwise.' })
  text!: string;

  @Field(() => StatementMode, { description: 'Whether the text is a direct quote, reported speech or a paraphrase.' })
  mode!: StatementMode;

  @Field(() => DateScalar, { nullable: true, description: 'When it was said.' })
  date!: string | null;

  speakers!: EntityRef[];
  meetingId!: string | null;
  reportedById!: string | null;
}

export enum InvitationStatus {
  EXTENDED = 'EXTENDED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  FULFILLED = 'FULFILLED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus', description: 'Where an invitation stands: extended, accepted, declined or fulfilled (by the invitee or someone else).' });

@ObjectType({ simpleResolvers: true, implements: Fact, description: 'An invitation to visit, from one official to another.' })
export class Invitation extends Fact {
  @Field(() => DateScalar, { nullable: true, description: 'When it was extended.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'The raw wording of the date, e.g. "On Sunday".' })
  dateExpression!: string | null;

  @Field(() => InvitationStatus, { description: 'Where the invitation stands.' })
  status!: InvitationStatus;

  inviterId!: string;
  inviteeId!: string;
  meetingId!: string | null;
  fulfilledById!: string | null;
  destination!: EntityRef | null;
}
