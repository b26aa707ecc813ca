import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Entity, type EntityRef } from '../common/entity.interface';
import { Document } from './document.type';

@ObjectType({ simpleResolvers: true, description: 'The exact passage of a document that supports a fact.' })
export class Evidence {
  @Field(() => ID, { description: '`<documentId>:<start>-<end>`.' })
  id!: string;

  @Field(() => String, { description: 'The passage, verbatim.' })
  quote!: string;

  @Field(() => Int, { description: 'Character offset of the passage in the document text (UTF-16 code units, as JavaScript counts).' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the passage.' })
  end!: number;

  @Field(() => String, { nullable: true, description: 'The raw wording of a relative date the passage uses, e.g. "on Monday".' })
  dateExpression!: string | null;

  @Field(() => Entity, { nullable: true, description: 'Who the source says the passage comes from.' })
  attributedTo!: EntityRef | null;

  @Field(() => Document, { description: 'The document the passage is in.' })
  document!: Document;

  documentId!: string;
}
