import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { correctFact, mergePeople, retractFact } from './curation.service';
import { FactCorrection, FactRetraction, PeopleMerge } from './curation.types';

/** What a curator needs to fix the graph without losing its history. Each runs in one transaction. */
@Resolver()
export class CurationResolver {
  @Authorized('editor')
  @Mutation(() => FactCorrection, {
    description: 'Sets one scalar field of a fact (dates as YYYY-MM-DD; "null" clears an optional field) and records a Revision with the old value, who and why.',
  })
  correctFact(
    @Arg('id', () => ID) id: string,
    @Arg('field', () => String) field: string,
    @Arg('value', () => String) value: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { database, viewer }: Context,
  ): Promise<FactCorrection> {
    return correctFact(database, { id, field, value, reason, by: viewer.name ?? 'anonymous' });
  }

  @Authorized('editor')
  @Mutation(() => FactRetraction, { description: 'Retracts a fact: it keeps everything and gains :Retracted with when, who and why; queries skip it.' })
  retractFact(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() { database, viewer }: Context): Promise<FactRetraction> {
    return retractFact(database, { id, reason, by: viewer.name ?? 'anonymous' });
  }

  @Authorized('editor')
  @Mutation(() => PeopleMerge, { description: 'Merges person `merge` into person `keep`: relationships and names move; `merge` becomes a MergedPerson with MERGED_INTO.' })
  mergePeople(
    @Arg('keep', () => ID) keep: string,
    @Arg('merge', () => ID) merge: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { database, viewer }: Context,
  ): Promise<PeopleMerge> {
    return mergePeople(database, { keep, merge, reason, by: viewer.name ?? 'anonymous' });
  }
}
