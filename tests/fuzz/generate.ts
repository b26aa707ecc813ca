import fc from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/** GraphQL documents and variables drawn from a schema's types, fields and arguments (see graphql.fuzz.test.ts). */
type Gen = fc.GeneratorValue;

const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', "'", '"', '`', '\\', '}) DETACH DELETE n //', '\u202E', '\u0000', 'Blinken', 'Wang', 'xi-jinping', '2023-06-19', '王毅', 'a'.repeat(3000)),
);
const anyJson = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(2147483648, -2147483649, 1e308, -0, 0.5, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** A JS value for an input type: usually valid, sometimes not. */
function jsValue(g: Gen, type: GraphQLInputType, depth = 0): unknown {
  if (g(fc.integer, { min: 0, max: 24 }) === 0) return g(() => anyJson);
  const inner = getNullableType(type) as GraphQLInputType;
  if (!isNonNullType(type) && g(fc.integer, { min: 0, max: 9 }) === 0) return null;
  if (isListType(inner)) {
    return g(fc.array, fc.constant(null), { maxLength: depth > 1 ? 1 : 3 }).map(() => jsValue(g, inner.ofType as GraphQLInputType, depth + 1));
  }
  if (isEnumType(inner)) return g(fc.constantFrom, ...inner.getValues().map((v) => v.value));
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) || (depth < 2 && g(fc.boolean))) out[field.name] = jsValue(g, field.type, depth + 1);
    }
    return out;
  }
  switch (getNamedType(inner).name) {
    case 'Int':
      return g(() => fc.oneof(fc.integer({ min: -5, max: 150 }), fc.integer(), fc.constantFrom(0, 1, 20, 100, 101, 1000, 100000)));
    case 'Float':
      return g(fc.double, { noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return g(fc.boolean);
    case 'Date':
      return g(() =>
        fc.oneof(
          fc.constantFrom('2023-06-19', '2023-11-01', '2000-02-29', '2023-02-30', '9999-12-31', '2023-13-01', '20230619', ''),
          fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString().slice(0, 10)),
        ),
      );
    case '_Any':
      return { __typename: g(fc.constantFrom, 'Person', 'Meeting', 'Organization', 'Place', 'Position', 'Topic', 'Nope'), id: g(() => hostileString) };
    default:
      return g(() => hostileString);
  }
}

/** The same as a GraphQL literal (JSON is almost GraphQL: object keys lose their quotes, enums theirs). */
function literal(value: unknown, type: GraphQLInputType | null): string {
  if (value === null || value === undefined) return 'null';
  const inner = type ? (getNullableType(type) as GraphQLInputType) : null;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : null)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string' && inner && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

interface Doc {
  query: string;
  variables: Record<string, unknown>;
}

export function buildDocument(g: Gen, schema: GraphQLSchema): Doc {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  let aliasCount = 0;

  const selection = (type: GraphQLNamedType, depth: number): string => {
    const pick = <T>(items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })];
    if (isAbstractType(type)) {
      const possible = schema.getPossibleTypes(type);
      // Indexes, not the types: fc.gen compares its arguments, and GraphQL types are cyclic graphs.
      const picked = g(fc.subarray, possible.map((_, i) => i), { minLength: 1, maxLength: Math.min(2, possible.length) }).map((i) => possible[i]);
      return ['__typename', ...picked.map((t) => `... on ${t.name} { ${selection(t, depth + 1)} }`)].join(' ');
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return '';
    const fields = Object.values(type.getFields());
    const count = g(fc.integer, { min: 1, max: 3 });
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      if (g(fc.integer, { min: 0, max: 49 }) === 0) {
        parts.push(g(fc.constantFrom, 'nope', 'idd', '__schema', '__type(name: "Person") { name }', 'name(x: 1)'));
        continue;
      }
      const field = pick(fields);
      const named = getNamedType(field.type);
      let text = '';
      if (g(fc.integer, { min: 0, max: 4 }) === 0) text += `a${aliasCount++}: `;
      text += field.name;
      const args: string[] = [];
      for (const arg of field.args) {
        if (!isNonNullType(arg.type) && !g(fc.boolean)) continue;
        const value = jsValue(g, arg.type);
        if (g(fc.boolean)) {
          const name = `v${definitions.length}`;
          // Sometimes declare the variable with a wrong type.
          const declared = g(fc.integer, { min: 0, max: 14 }) === 0 ? g(fc.constantFrom, 'Int', 'String!', '[String]', 'Boolean') : arg.type.toString();
          definitions.push(`$${name}: ${declared}`);
          if (g(fc.integer, { min: 0, max: 14 }) !== 0) variables[name] = value;
          args.push(`${arg.name}: $${name}`);
        } else {
          args.push(`${arg.name}: ${literal(value, arg.type)}`);
        }
      }
      if (args.length) text += `(${args.join(', ')})`;
      if (g(fc.integer, { min: 0, max: 9 }) === 0) text += ` @${g(fc.constantFrom, 'include', 'skip')}(if: ${g(fc.boolean)})`;
      if (!isLeafType(named)) text += ` { ${depth >= 5 ? '__typename' : selection(named, depth + 1)} }`;
      parts.push(text);
    }
    return parts.join(' ');
  };

  const kind = g(fc.integer, { min: 0, max: 9 });
  const rootType = kind === 0 && schema.getMutationType() ? schema.getMutationType()! : schema.getQueryType()!;
  const body = selection(rootType, 0);
  let query = `${rootType === schema.getMutationType() ? 'mutation' : 'query'} Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''} { ${body} }`;
  const damage = g(fc.integer, { min: 0, max: 19 });
  if (damage === 0) query = query.slice(0, g(fc.integer, { min: 0, max: query.length }));
  if (damage === 1) query = query.replace(/[{}()]/, '');
  if (damage === 2) query = g(fc.string, { maxLength: 80 });
  return { query, variables };
}

