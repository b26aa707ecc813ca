import { GraphQLError } from 'graphql';

/**
 * The one set of error codes clients can rely on. Every error the service raises on purpose
 * carries one of these in `extensions.code`.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  AMBIGUOUS_NAME: 'AMBIGUOUS_NAME',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  IMPORT_INVALID: 'IMPORT_INVALID',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A GraphQL error with a code and, where useful, details such as candidates or limits. */
export class DiplographError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DiplographError(ErrorCode.BAD_USER_INPUT, message, details);

export const notFound = (message: string, details?: Record<string, unknown>) =>
  new DiplographError(ErrorCode.NOT_FOUND, message, details);

export const limitExceeded = (what: string, value: number, max: number) =>
  new DiplographError(ErrorCode.LIMIT_EXCEEDED, `${what} is ${value}, above the limit of ${max}`, { what, value, max });

export interface Candidate {
  id: string;
  name: string;
  kind: string;
}

export const ambiguousName = (name: string, candidates: Candidate[]) =>
  new DiplographError(
    ErrorCode.AMBIGUOUS_NAME,
    `"${name}" names ${candidates.length} things: ${candidates.map((c) => `${c.name} (${c.kind} ${c.id})`).join(', ')}`,
    { name, candidates },
  );
