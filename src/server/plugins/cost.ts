import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  type OperationDefinitionNode,
  getVariableValues,
  isListType,
  isObjectType,
  visit,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { PAGE_SIZE_DEFAULT } from '../../common/connection';
import type { Config } from '../../config';
import { badInput } from '../../errors';
import type { Logger } from '../../logger';
import type { Context } from '../context';
import { limitError } from './limits';

/**
 * The cost of an operation, computed with its real variables (a static validation rule cannot see
 * them, and would refuse every operation with a required variable, a gateway's `_entities` among
 * them). Each field costs 1 plus its children's cost times how many times they run:
 *
 *   - `first` (or `limit`) when given: the page size asked for;
 *   - `representations` of `_entities`: how many entities the router asks for;
 *   - otherwise a connection (a type named *Connection) counts PAGE_SIZE_DEFAULT, and any other
 *     list DEFAULT_LIST_SIZE (lists inside a connection are the page itself: counted once);
 *   - `maxHops`, `depth` or `hops` multiply that again, a traversal reaching that far.
 *
 * Introspection costs nothing (it is switched off in production unless INTROSPECTION is set).
 */
export const DEFAULT_LIST_SIZE = 10;

const PAGE_ARGS = ['first', 'limit', 'last'];
const HOP_ARGS = ['maxHops', 'depth', 'hops'];

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && type.name.endsWith('Connection');

function multiplier(fieldType: GraphQLOutputType, parent: GraphQLNamedType, args: Record<string, unknown>): number {
  let n: number | undefined;
  for (const name of PAGE_ARGS) {
    if (typeof args[name] === 'number') n = Math.max(0, args[name] as number);
  }
  if (n === undefined && Array.isArray(args.representations)) n = args.representations.length;
  if (n === undefined) {
    const named = getNamedType(fieldType);
    if (isConnection(named)) n = PAGE_SIZE_DEFAULT;
    else if (isListType(getNullableType(fieldType))) n = isConnection(parent) ? 1 : DEFAULT_LIST_SIZE;
    else n = 1;
  }
  for (const name of HOP_ARGS) {
    if (typeof args[name] === 'number') n *= Math.max(1, args[name] as number);
  }
  return n;
}

export const costEstimator: ComplexityEstimator = ({ field, type, args, childComplexity }) => {
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  return 1 + multiplier((field as GraphQLField<unknown, unknown>).type, type, args) * childComplexity;
};

export type CostResult = { cost: number } | { invalidVariables: true };

/** The complexity of one operation of a document with its variables (getComplexity with costEstimator). */
export type Complexity = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operation: OperationDefinitionNode) => number;

const complexityOf: Complexity = (schema, document, variables, operation) =>
  getComplexity({ schema, query: document, variables, operationName: operation.name?.value, estimators: [costEstimator] });

/**
 * The operation's cost, or `invalidVariables` when the variables do not fit the operation (then
 * execution refuses it with BAD_USER_INPUT, and nothing runs). `complexity` computes the cost of
 * valid variables; the plugin passes one that keeps its answers with the document.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
  complexity: Complexity = complexityOf,
): CostResult {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return { cost: 0 };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return { invalidVariables: true };
  return { cost: complexity(schema, document, variables ?? {}, operation) };
}

/** The arguments whose values the cost depends on: page sizes, entity representations, hops. */
const COSTED_ARGS = new Set([...PAGE_ARGS, ...HOP_ARGS, 'representations']);

/** The variables a document passes to costed arguments: the only ones its cost depends on. */
function costedVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let inCostedArgument = 0;
  visit(document, {
    Argument: {
      enter: (node) => {
        if (COSTED_ARGS.has(node.name.value)) inCostedArgument += 1;
      },
      leave: (node) => {
        if (COSTED_ARGS.has(node.name.value)) inCostedArgument -= 1;
      },
    },
    Variable: (node) => {
      if (inCostedArgument > 0) names.add(node.name.value);
    },
  });
  return [...names].sort();
}

/** Costs kept per document (Apollo hands the same parsed document to every request that sends the same text). */
interface DocumentCosts {
  variables: string[];
  byValues: Map<string, number>;
}

/** How many costs one document keeps (one per distinct operation and costed variable values). */
const COSTS_PER_DOCUMENT = 64;

/**
 * Refuses an operation whose cost, computed with its variables, is above MAX_COST. The cost of a
 * document depends only on its operation and the values of the variables it passes to costed
 * arguments, so it is computed once per such combination and kept with the parsed document; the
 * variables are still checked on every request (a request with invalid variables is not costed).
 */
export function costPlugin(config: Pick<Config, 'MAX_COST'>, logger?: Logger): ApolloServerPlugin<Context> {
  const kept = new WeakMap<DocumentNode, DocumentCosts>();
  const keptComplexity: Complexity = (schema, document, variables, operation) => {
    let costs = kept.get(document);
    if (!costs) {
      costs = { variables: costedVariables(document), byValues: new Map() };
      kept.set(document, costs);
    }
    const key = JSON.stringify([operation.name?.value ?? null, costs.variables.map((name) => variables[name] ?? null)]);
    let cost = costs.byValues.get(key);
    if (cost === undefined) {
      cost = complexityOf(schema, document, variables, operation);
      if (costs.byValues.size >= COSTS_PER_DOCUMENT) costs.byValues.clear();
      costs.byValues.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let result: CostResult;
          try {
            result = operationCost(schema, document, request.variables, operationName, keptComplexity);
          } catch (error) {
            // getComplexity stops at 10 000 selections (fragments that fan out); anything else it
            // cannot cost is refused rather than run uncosted.
            const message = (error as Error).message;
            if (/maximum allowed number of nodes/.test(message)) {
              throw limitError('MAX_COST', config.MAX_COST, `The operation expands to too many selections to cost (MAX_COST).`);
            }
            throw badInput(`The operation's cost could not be computed: ${message}`, { http: { status: 400 } });
          }
          if ('invalidVariables' in result) return;
          if (result.cost > config.MAX_COST) {
            logger?.info({ limit: 'MAX_COST', cost: result.cost, max: config.MAX_COST }, 'refused a query over a limit');
            throw limitError(
              'MAX_COST',
              config.MAX_COST,
              `The operation costs ${result.cost}, above the limit of ${config.MAX_COST} (MAX_COST); ask for smaller pages or fewer nested lists.`,
              result.cost,
            );
          }
        },
      };
    },
  };
}
