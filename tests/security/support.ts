import crypto from 'node:crypto';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { Database } from '../../src/neo4j/database';
import { hashToken } from '../../src/server/auth';

/** One raw HTTP exchange with the server: status, headers and the parsed (or raw) body. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: RawResponse['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const codesOf = (r: RawResponse) => (r.json?.errors ?? []).map((e) => e.extensions?.code);

/**
 * Everything in the graph but the migration records, as one hash: nodes with labels and
 * properties, relationships with type, ends and properties, in a stable order.
 */
export async function graphFingerprint(db: Database): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await graphNodes(db);
  const rels = (
    await db.runAdministrative(
      `MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT b:Migration
       RETURN type(r) AS type, coalesce(a.id, elementId(a)) AS from, coalesce(b.id, elementId(b)) AS to, properties(r) AS props`,
    )
  ).map((r) => JSON.stringify([r.type, r.from, r.to, sortKeys(r.props)]));
  const hash = crypto.createHash('sha256').update(JSON.stringify([nodes.sort(), rels.sort()])).digest('hex');
  return { nodes: nodes.length, relationships: rels.length, hash };
}

/** Every node but the migration records, as stable JSON strings (labels and properties). */
export async function graphNodes(db: Database): Promise<string[]> {
  return (await db.runAdministrative('MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels, properties(n) AS props')).map((r) =>
    JSON.stringify([[...(r.labels as string[])].sort(), sortKeys(r.props)]),
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

/** Tokens for the tests: the clear text the client sends, and API_TOKENS holding only their hashes. */
export const TOKENS = {
  editor: 'editor-token-0123456789abcdef',
  reader: 'reader-token-0123456789abcdef',
  wrong: 'not-a-configured-token-42',
};
export const API_TOKENS = `ed:editor:${hashToken(TOKENS.editor)},rd:reader:${hashToken(TOKENS.reader)}`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A value of an input type that passes GraphQL validation, so that only the auth check can refuse. */
export function sampleValue(type: GraphQLInputType, depth = 0): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [sampleValue(inner.ofType as GraphQLInputType, depth + 1)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) || depth < 2) out[field.name] = sampleValue(field.type, depth + 1);
    }
    return out;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'Date':
        return '2024-01-01';
      default:
        return 'x';
    }
  }
  return null;
}

/** Every mutation with variables for all its arguments and a selection that validates. */
export function mutationCalls(schema: GraphQLSchema): Array<{ name: string; query: string; variables: Record<string, unknown> }> {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => {
    const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(field.type);
    const selection = isObjectType(named) || !isScalarType(named) && !isEnumType(named) ? ' { __typename }' : '';
    const query = `mutation M${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
    const variables = Object.fromEntries(field.args.map((a) => [a.name, sampleValue(a.type)]));
    return { name: field.name, query, variables };
  });
}

