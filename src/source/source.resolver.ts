import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { loadEntity } from '../common/entity.loaders';
import { Fact } from '../common/fact.interface';
import { badInput, limitExceeded } from '../errors';
import { Organization } from '../organization/organization.type';
import { organizationById } from '../organization/organization.loaders';
import type { Context } from '../server/context';
import { Document } from './document.type';
import { Evidence } from './evidence.type';
import { documentById, documentTextById, evidenceByFactId } from './source.loaders';

const DOCUMENTS_MAX = 1000;

@Resolver(() => Fact)
export class FactResolver {
  @FieldResolver(() => [Evidence])
  evidence(@Root() fact: Fact, @Ctx() { loaders }: Context) {
    return loaders.load(evidenceByFactId, fact.id);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver()
  document(@Root() evidence: Evidence, @Ctx() { loaders }: Context) {
    return loaders.load(documentById, evidence.documentId);
  }

  @FieldResolver()
  attributedTo(@Root() evidence: Evidence, @Ctx() { loaders }: Context) {
    return loadEntity(loaders, evidence.attributedTo);
  }
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => [Document], { description: 'The source documents in the graph, newest first.' })
  async documents(@Arg('first', () => Int, { defaultValue: 100 }) first: number, @Ctx() { db }: Context): Promise<Document[]> {
    if (first < 0) throw badInput('`first` must not be negative', { argument: 'first' });
    if (first > DOCUMENTS_MAX) throw limitExceeded('first', first, DOCUMENTS_MAX);
    const rows = await db.read<{ document: Document }>('source/documents', { limit: first });
    return rows.map((r) => r.document);
  }

  @FieldResolver(() => String, { description: 'The full text, verbatim; evidence offsets index into it.' })
  async text(@Root() document: Document, @Ctx() { loaders }: Context) {
    return (await loaders.load(documentTextById, document.id)) ?? '';
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The outlet or body that published it.' })
  publisher(@Root() document: Document, @Ctx() { loaders }: Context) {
    return document.publisherId ? loaders.load(organizationById, document.publisherId) : null;
  }
}
