import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type ValidationContext,
  type ValidationRule,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  isObjectType,
  validate,
} from 'graphql';
import type { Config } from '../../config';
import { DiplographError, ErrorCode } from '../../errors';
import type { Logger } from '../../logger';
import type { Context } from '../context';

/**
 * Limits on the shape of a document, checked before anything reaches Neo4j. Each refusal is a
 * LIMIT_EXCEEDED error with HTTP status 400 and `extensions.limit` naming the setting to change:
 *
 *   MAX_TOKENS      lexical tokens in the document        (checked while parsing)
 *   MAX_DEPTH       nesting of selections                 (after validation; introspection exempt)
 *   MAX_ALIASES     aliases in the operation              (`__typename` exempt)
 *   MAX_DIRECTIVES  directives in the operation
 *   MAX_COST        see cost.ts (needs the variables)
 *
 * graphql-armor supplies the counting. Two things are done differently from its Apollo preset:
 * its token plugin throws inside `parsingDidStart`, which Apollo answers with a 500, and Apollo
 * re-codes every validation-rule error as GRAPHQL_VALIDATION_FAILED. So the tokens are counted
 * here with armor's own lexer-counting parser, and armor's validation rules run in
 * `didResolveOperation` (after the standard rules), where an error keeps its code and status.
 */
export type LimitName = 'MAX_TOKENS' | 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_COST' | 'MAX_BODY_BYTES';

const WHAT: Record<LimitName, string> = {
  MAX_TOKENS: 'tokens',
  MAX_DEPTH: 'depth',
  MAX_ALIASES: 'aliases',
  MAX_DIRECTIVES: 'directives',
  MAX_COST: 'cost',
  MAX_BODY_BYTES: 'body bytes',
};

/** The error every limit raises: code LIMIT_EXCEEDED, HTTP 400, and which limit and its value. */
export function limitError(limit: LimitName, max: number, message: string, found?: number): DiplographError {
  return new DiplographError(ErrorCode.LIMIT_EXCEEDED, message, {
    limit,
    what: WHAT[limit],
    max,
    ...(found === undefined ? {} : { value: found }),
    http: { status: 400 },
  });
}

/** Marks the token error so that `unexpectedErrorProcessingRequest` passes it on unchanged. */
class TokenLimitError extends DiplographError {}

export type LimitsConfig = Pick<Config, 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_TOKENS' | 'NODE_ENV'>;

/** armor's depth, aliases and directives rules, reporting LIMIT_EXCEEDED errors with the limit named. */
export function limitRules(config: LimitsConfig): ValidationRule[] {
  const reject =
    (limit: LimitName, max: number): GraphQLArmorRejectCallback =>
    (ctx: ValidationContext | null, error: GraphQLError) => {
      const found = /found (\d+)/.exec(error.message);
      const message = `${error.message.replace(/^Syntax Error: /, '')} (${limit})`;
      ctx?.reportError(limitError(limit, max, message, found ? Number(found[1]) : undefined));
    };
  const { validationRules } = new ApolloArmor({
    // Cost is computed with the variables (cost.ts); tokens are counted while parsing (below);
    // field suggestions are hidden by `hideSuggestionsPlugin` in production.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: config.MAX_DEPTH, ignoreIntrospection: true, propagateOnRejection: false, onReject: [reject('MAX_DEPTH', config.MAX_DEPTH)] },
    maxAliases: { n: config.MAX_ALIASES, propagateOnRejection: false, onReject: [reject('MAX_ALIASES', config.MAX_ALIASES)] },
    maxDirectives: { n: config.MAX_DIRECTIVES, propagateOnRejection: false, onReject: [reject('MAX_DIRECTIVES', config.MAX_DIRECTIVES)] },
  }).protect();
  return validationRules;
}

/** Counts the document's tokens with armor's parser; throws LIMIT_EXCEEDED past MAX_TOKENS. */
export function checkTokens(source: string, max: number): void {
  let rejected: GraphQLError | null = null;
  const parser = new MaxTokensParserWLexer(source, {
    n: max,
    propagateOnRejection: true,
    onReject: [(_ctx: unknown, error: GraphQLError) => (rejected = error)],
  } as never);
  try {
    parser.parseDocument();
  } catch (error) {
    if (rejected) {
      throw new TokenLimitError(ErrorCode.LIMIT_EXCEEDED, `The document has more than ${max} tokens (MAX_TOKENS).`, {
        limit: 'MAX_TOKENS',
        what: WHAT.MAX_TOKENS,
        max,
        http: { status: 400 },
      });
    }
    // A plain syntax error: Apollo's own parse reports it as GRAPHQL_PARSE_FAILED.
    if (!(error instanceof GraphQLError)) throw error;
  }
}

/**
 * The shape limits as an Apollo plugin: tokens while parsing, then depth, aliases, directives.
 * Apollo hands the same parsed document to every request that sends the same text, so a document
 * that passed the shape rules is remembered and not checked again.
 */
export function limitsPlugin(config: LimitsConfig, logger?: Logger): ApolloServerPlugin<Context> {
  const rules = limitRules(config);
  const passed = new WeakSet<DocumentNode>();
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      // Apollo turns an error thrown before validation into a 500 unless a plugin rethrows it;
      // only the token error is ours to pass on, with its 400 and code.
      if (error instanceof TokenLimitError) throw error;
    },
    async requestDidStart() {
      return {
        async parsingDidStart(requestContext: GraphQLRequestContext<Context>) {
          if (requestContext.source !== undefined) {
            try {
              checkTokens(requestContext.source, config.MAX_TOKENS);
            } catch (error) {
              logger?.info({ limit: 'MAX_TOKENS' }, 'refused a query over a limit');
              throw error;
            }
          }
        },
        async didResolveOperation({ schema, document, request, operationName }) {
          if (!passed.has(document)) {
            const errors = validate(schema, document, rules);
            if (errors.length > 0) {
              logger?.info({ limit: errors[0].extensions?.limit }, 'refused a query over a limit');
              throw errors[0];
            }
            passed.add(document);
          }
          checkEntityRepresentations(schema, document, request.variables, operationName);
        },
      };
    },
  };
}

/**
 * Hides "Did you mean …?" in error messages (they map the schema for someone whom introspection
 * is denied to): armor's plugin, plus the enum-value form of the hint that its pattern misses.
 * On in production.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin<Context> {
  const { plugins } = new ApolloArmor({
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    blockFieldSuggestion: { enabled: true, mask: '' },
  }).protect();
  const armor = plugins[0] as ApolloServerPlugin<Context>;
  return {
    async requestDidStart(requestContext) {
      const listener = await armor.requestDidStart?.(requestContext);
      return {
        async didEncounterErrors(context) {
          await listener?.didEncounterErrors?.(context);
          for (const error of context.errors) {
            error.message = error.message.replace(/\s*Did you mean [^?]*\??/g, '').trim();
          }
        },
      };
    },
  };
}

/**
 * Errors from `express.json` as GraphQL-shaped JSON: a body over MAX_BODY_BYTES is 413
 * LIMIT_EXCEEDED, unparsable JSON 400 BAD_REQUEST; nothing carries a stack trace.
 */
export function bodyErrorHandler(config: Pick<Config, 'MAX_BODY_BYTES'>, logger?: Logger) {
  return (error: unknown, _req: unknown, res: import('express').Response, next: (error?: unknown) => void) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      const e = limitError('MAX_BODY_BYTES', config.MAX_BODY_BYTES, `The request body is larger than ${config.MAX_BODY_BYTES} bytes (MAX_BODY_BYTES).`);
      res.status(413).json({ errors: [{ message: e.message, extensions: { code: e.extensions.code, limit: 'MAX_BODY_BYTES', max: config.MAX_BODY_BYTES } }] });
      return;
    }
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 400 && status < 500) {
      res.status(status).json({ errors: [{ message: `The request body could not be read: ${(error as Error).message}`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger?.error({ err: error }, 'unexpected error in an HTTP route');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  };
}

/**
 * `_entities(representations: [_Any!]!)` takes any JSON; @apollo/subgraph fails with an internal
 * error on one that is not an object naming an entity type. Such input is refused here as
 * BAD_USER_INPUT, before any resolver runs.
 */
export function checkEntityRepresentations(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): void {
  const operation = getOperationAST(document, operationName ?? undefined);
  const field = schema.getQueryType()?.getFields()._entities;
  if (!operation || operation.operation !== 'query' || !field) return;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return; // execution reports them
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
    const { representations } = getArgumentValues(field, selection, coerced.coerced) as { representations?: unknown[] };
    for (const [i, representation] of (representations ?? []).entries()) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const type = typeof typename === 'string' ? schema.getType(typename) : undefined;
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation) || !type || !isObjectType(type)) {
        throw new DiplographError(ErrorCode.BAD_USER_INPUT, `representations[${i}] must be an object whose __typename names an entity type`, {
          argument: 'representations',
          index: i,
          http: { status: 400 },
        });
      }
    }
  }
}
