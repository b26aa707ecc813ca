import neo4j from 'neo4j-driver';

/**
 * The one conversion from Neo4j values to plain JavaScript: dates become ISO strings
 * (`2023-06-19`; the hot queries already return them so, with Cypher's toString, which gives the
 * same text and spares the driver decoding a date structure with its 64-bit integer arithmetic), integers become numbers (the driver is set to lossy integers, which is safe for
 * the counts and minutes this graph stores), nodes and relationships become their properties.
 */
export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return fromNeo4jList(value);
  if (typeof value !== 'object') return value;
  // Maps are most of what comes back, and plain objects: walked without asking which driver type each is.
  if (Object.getPrototypeOf(value) === Object.prototype) return fromNeo4jMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return fromNeo4j((value as { properties: object }).properties);
  return fromNeo4jMap({ ...(value as Record<string, unknown>) });
}

// Lists and maps are converted where they are: the driver has just built them for this one read,
// and a copy of each would double the objects a read allocates. Assigning to a map's own keys
// also keeps a key named `__proto__` a plain key, where a copy's assignment would set its prototype.
function fromNeo4jList(list: unknown[]): unknown[] {
  for (let i = 0; i < list.length; i++) list[i] = fromNeo4j(list[i]);
  return list;
}

function fromNeo4jMap(value: Record<string, unknown>): Record<string, unknown> {
  for (const k in value) value[k] = fromNeo4j(value[k]);
  return value;
}

/**
 * The one conversion the other way: whole numbers become Neo4j integers, so that `LIMIT $n` and
 * integer properties get INTEGER and not FLOAT (JavaScript has one number type; Bolt has two),
 * and undefined becomes null, so that a query always receives every parameter it names.
 */
export function toNeo4j(value: unknown): unknown {
  // An omitted optional argument arrives as undefined, which Bolt drops: send it as null instead.
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4j);
  // Only plain maps are walked: driver values (dates, integers, points) pass through as they are.
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toNeo4j(v);
  return out;
}
