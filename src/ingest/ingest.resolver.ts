import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DiplographError, ErrorCode } from '../errors';
import type { Context } from '../server/context';
import { ImportError, importText } from './importer';

@ObjectType({ simpleResolvers: true, description: 'What one fact-file import did: records created, updated and left as they were.' })
export class ImportResult {
  @Field(() => String, { description: 'The name the file was imported under.' })
  file!: string;

  @Field(() => String, { description: 'The id of the source document the file declares.' })
  documentId!: string;

  @Field(() => Int, { description: 'Records (document, entities, facts) that did not exist before.' })
  created!: number;

  @Field(() => Int, { description: 'Records that existed and changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records that existed with the same content; not written.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Facts the file declares.' })
  facts!: number;

  @Field(() => Int, { description: 'Milliseconds the import took.' })
  ms!: number;
}

@Resolver()
export class IngestResolver {
  @Authorized('editor')
  @Mutation(() => ImportResult, {
    description:
      'Imports one fact file (YAML or JSON, format diplograph/facts@1) in one transaction: all of it or, when it has any problem, nothing. ' +
      'Problems come back as an IMPORT_INVALID error whose extensions.problems lists each one with its line and path.',
  })
  async importFacts(
    @Arg('text', () => String) text: string,
    @Arg('filename', () => String, { nullable: true, description: 'Shown in problems; its extension (.json, .yaml) says how to parse.' }) filename: string | null,
    @Ctx() { database, viewer, logger }: Context,
  ): Promise<ImportResult> {
    try {
      const report = await importText(database, text, { filename: filename ?? 'request', by: viewer.name ?? 'anonymous' });
      logger.info({ ...report, by: viewer.name }, 'fact file imported');
      return report;
    } catch (error) {
      if (error instanceof ImportError) {
        throw new DiplographError(ErrorCode.IMPORT_INVALID, error.message, { problems: error.problems });
      }
      throw error;
    }
  }
}
