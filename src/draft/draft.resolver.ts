import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { draftFromText } from './draft.service';
import { DraftResult } from './draft.type';

@Resolver()
export class DraftResolver {
  @Mutation(() => DraftResult, {
    description:
      'Drafts a fact file from a plain-text news article (first line may be " date YYYY-MM-DD <title>"). Reads the graph to resolve names, never writes to it. offline: resolve within the text only.',
  })
  async draftFacts(
    @Arg('text', () => String) text: string,
    @Arg('offline', () => Boolean, { nullable: true }) offline: boolean | null,
    @Arg('publisher', () => String, { nullable: true }) publisher: string | null,
    @Ctx() { db }: Context,
  ): Promise<DraftResult> {
    const outcome = await draftFromText(db, { raw: text, offline: offline ?? false, publisher: publisher ?? undefined });
    return {
      yaml: outcome.yaml,
      counts: outcome.counts,
      review: outcome.review.map((r) => ({ kind: r.kind, mention: r.mention, message: r.message, candidates: r.candidates ?? [], start: r.start ?? null })),
    };
  }
}
