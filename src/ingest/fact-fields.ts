import { calendarProblem } from './dates';
import type { FactLabel } from './model';

/** The kind of value a scalar fact field holds. */
export type FieldType =
  | { type: 'date' }
  | { type: 'tenureDate' }
  | { type: 'string' }
  | { type: 'int'; min?: number; max?: number }
  | { type: 'enum'; values: readonly string[] };

export interface FieldSpec {
  name: string;
  spec: FieldType;
  nullable: boolean;
}

const f = (name: string, spec: FieldType, nullable = true): FieldSpec => ({ name, spec, nullable });
const DATE: FieldType = { type: 'date' };
const STRING: FieldType = { type: 'string' };

/**
 * The scalar properties of each fact kind (docs/graph-model.md): what an `alternatives` entry may
 * offer another value for, and what `correctFact` may change. Edges are not fields.
 */
export const FACT_FIELDS: Record<FactLabel, readonly FieldSpec[]> = {
  Tenure: [
    f('start', { type: 'tenureDate' }, false),
    f('startPrecision', { type: 'enum', values: ['DAY', 'MONTH', 'YEAR', 'ATTESTED'] }, false),
    f('end', { type: 'tenureDate' }),
    f('endPrecision', { type: 'enum', values: ['DAY', 'MONTH', 'YEAR'] }),
    f('endCause', { type: 'enum', values: ['REPLACED', 'RESIGNED', 'REMOVED', 'DIED', 'TERM_ENDED', 'OTHER'] }),
  ],
  Meeting: [
    f('date', DATE, false),
    f('dateExpression', STRING),
    f('endDate', DATE),
    f('durationMinutes', { type: 'int', min: 1 }),
    f('durationExpression', STRING),
    f('format', { type: 'enum', values: ['IN_PERSON', 'PHONE', 'VIDEO'] }, false),
    f('cameo', STRING),
    f('description', STRING),
  ],
  Trip: [f('startDate', DATE, false), f('endDate', DATE), f('purpose', STRING), f('significance', STRING), f('firstSince', { type: 'int', min: 1000, max: 9999 })],
  Invitation: [f('date', DATE, false), f('dateExpression', STRING), f('status', { type: 'enum', values: ['EXTENDED', 'ACCEPTED', 'DECLINED', 'FULFILLED'] }, false)],
  Statement: [f('text', STRING, false), f('mode', { type: 'enum', values: ['DIRECT', 'INDIRECT', 'PARAPHRASE'] }, false), f('date', DATE, false)],
  RankClaim: [f('date', DATE, false)],
  Precedence: [f('level', { type: 'int', min: 1 }, false), f('validFrom', DATE), f('validTo', DATE)],
  RelationIssue: [f('date', DATE, false), f('description', STRING)],
  Alternative: [],
};

export function fieldOf(kind: FactLabel, name: string): FieldSpec | undefined {
  return FACT_FIELDS[kind].find((s) => s.name === name);
}

/** Why `value` cannot be the value of `field`, or null when it can. */
export function fieldValueProblem(field: FieldSpec, value: unknown): string | null {
  if (value === null) return field.nullable ? null : `${field.name} cannot be null`;
  const { spec } = field;
  switch (spec.type) {
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${field.name} must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`;
      return calendarProblem(value);
    case 'tenureDate':
      if (typeof value !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return `${field.name} must be YYYY-MM-DD, YYYY-MM or YYYY, not ${JSON.stringify(value)}`;
      return calendarProblem(value);
    case 'string':
      return typeof value === 'string' && value.trim() !== '' ? null : `${field.name} must be a non-empty string, not ${JSON.stringify(value)}`;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${field.name} must be a whole number, not ${JSON.stringify(value)}`;
      if (spec.min !== undefined && value < spec.min) return `${field.name} must be at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `${field.name} must be at most ${spec.max}`;
      return null;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? null : `${field.name} must be one of ${spec.values.join(', ')}, not ${JSON.stringify(value)}`;
  }
}
