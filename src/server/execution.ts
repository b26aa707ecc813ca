/**
 * How operations run: graphql-jit's compiled form of a document once clients have sent it
 * `compileAfter` times, graphql-js's interpreter until then.
 *
 * graphql-js interprets the operation at every request: for each field of each object it looks up
 * the field, coerces its arguments, builds its resolver's `info` and a result map, and calls a
 * resolver even where the value is a plain property. A page of 20 meetings with their
 * participants and tenures completes some 870 fields. graphql-jit turns the operation into a
 * function that does only what this document needs: plain properties are read inline (every object
 * type sets type-graphql's `simpleResolvers`, src/server/schema.ts), arguments that are literals are
 * coerced once. On that page, the service spends about 30 % less CPU a request
 * (docs/benchmark.md, session 12).
 *
 * What a compiled document needs of the schema: a plain field holds its value, not a promise (a
 * value that must be awaited comes from a resolver), and an interface or union tells a value's
 * type at once, not through a promise (Entity and Fact tell it by the value's class,
 * src/common/entity.loaders.ts).
 *
 * A document is compiled on its `compileAfter`-th request, because compiling costs more than
 * executing once: a query typed once in the playground is not worth it, a client's hundredth
 * request is. 0 never compiles.
 *
 * graphql-js still runs:
 *   - a document graphql-jit cannot compile (it says so instead of compiling);
 *   - a request whose variables do not coerce: graphql-jit refuses it before executing anything,
 *     and graphql-js's errors are the ones Apollo recognises (a 400 with BAD_USER_INPUT);
 *   - a request for a federated trace (`apollo-federation-include-trace: ftv1`): Apollo's inline
 *     trace wraps the schema's resolvers for such a request, and a compiled document keeps the
 *     resolvers it was compiled with.
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { type ExecutionResult, GraphQLError, type GraphQLSchema, Source, execute } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { Context } from './context';

export interface ExecutionOptions {
  /** Compile a document on its Nth request (0: never). */
  compileAfter: number;
  /** Told which engine ran each operation (the /metrics counter). */
  onExecute?: (engine: ExecutionEngine) => void;
}

export type ExecutionEngine = 'compiled' | 'interpreted';

type ExecutionGateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<ExecutionGateway['load']>>['executor']>;

/**
 * How many documents are remembered: counted, compiled, or known not to compile. A compiled
 * document takes 20–30 KB (the bench's W1 and W3), so all of them some 15 MB at most.
 */
export const COMPILED_DOCUMENTS_MAX = 500;

interface Known {
  requests: number;
  /** The compiled document; null if graphql-jit could not compile it. */
  compiled?: CompiledQuery | null;
}

/**
 * Apollo Server 4 and later take an executor only from a gateway (their migration guide's
 * replacement for Apollo Server 3's `executor` option). This one serves the schema it is given,
 * which never changes, and executes as above. Everything before execution (parsing, validation,
 * the limit and cost plugins, Apollo's document cache) and after it (error formatting, status
 * codes, metrics) stays Apollo's.
 */
export function executionGateway(schema: GraphQLSchema, options: ExecutionOptions): ExecutionGateway {
  const executor = documentExecutor(schema, options);
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/** The executor the gateway hands Apollo. */
function documentExecutor(schema: GraphQLSchema, { compileAfter, onExecute }: ExecutionOptions): GatewayExecutor {
  // By Apollo's hash of the query text and the operation chosen in it.
  const known = new LRUCache<string, Known>({ max: COMPILED_DOCUMENTS_MAX });

  const compiledFor = (key: string, request: Parameters<GatewayExecutor>[0]): CompiledQuery | null => {
    if (compileAfter === 0) return null;
    let entry = known.get(key);
    if (!entry) known.set(key, (entry = { requests: 0 }));
    if (entry.compiled !== undefined) return entry.compiled;
    entry.requests += 1;
    if (entry.requests < compileAfter) return null;
    const compiled = compileQuery(schema, request.document, request.operationName ?? undefined);
    entry.compiled = isCompiledQuery(compiled) ? compiled : null;
    return entry.compiled;
  };

  const interpret = (request: Parameters<GatewayExecutor>[0]): Promise<ExecutionResult> | ExecutionResult => {
    onExecute?.('interpreted');
    return execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables,
      operationName: request.operationName,
    });
  };

  return async (request) => {
    if (request.request.http?.headers.get('apollo-federation-include-trace') === 'ftv1') return interpret(request);
    const compiled = compiledFor(`${request.queryHash}\u0000${request.operationName ?? ''}`, request);
    if (!compiled) return interpret(request);
    const result = await compiled.query(undefined, request.context, request.request.variables ?? {});
    // No data at all: the variables did not coerce, and nothing ran.
    if (!('data' in result)) return interpret(request);
    onExecute?.('compiled');
    if (!result.errors) return result;
    const source = request.source === undefined ? undefined : new Source(request.source);
    return { ...result, errors: result.errors.map((error) => asGraphQLError(error, source)) };
  };
}

/**
 * graphql-jit's errors are not quite graphql-js's: they have no `extensions` when the error thrown
 * had none, and no source or nodes behind their locations, where Apollo's error formatting expects
 * both. This is the error graphql-js would have made: same message, locations, path and original
 * error (whose extensions, our codes among them, it takes).
 */
function asGraphQLError(error: GraphQLError, source: Source | undefined): GraphQLError {
  const positions = source && error.locations?.map(({ line, column }) => offsetOf(source.body, line, column));
  return new GraphQLError(error.message, {
    source,
    positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
}

/** The offset in `body` of a 1-based line and column, as graphql-js's locations count them. */
function offsetOf(body: string, line: number, column: number): number {
  const lineBreak = /\r\n|[\n\r]/g;
  let start = 0;
  for (let current = 1; current < line && lineBreak.exec(body); current += 1) start = lineBreak.lastIndex;
  return start + column - 1;
}
