import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthChecker } from 'type-graphql';
import type { Config } from '../config';
import { DiplographError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Context } from './context';
import { JwtVerifier, looksLikeJwt } from './jwt';

export type Role = 'reader' | 'editor';

/** Who is asking: anonymous, or the named holder of a configured token. */
export interface Viewer {
  name: string | null;
  roles: Role[];
}

export const ANONYMOUS: Viewer = { name: null, roles: [] };

interface StoredToken {
  name: string;
  role: Role;
  sha256: Buffer;
}

/** Hex SHA-256 of a token, the form in which tokens are configured (never in clear). */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Tokens come from API_TOKENS as `name:role:sha256hex` entries, so the operator's configuration
 * never holds a usable secret. An editor can also read.
 */
export function parseTokens(spec: string): StoredToken[] {
  return spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, role, hash] = entry.split(':');
      if (!name || (role !== 'reader' && role !== 'editor') || !/^[0-9a-f]{64}$/i.test(hash ?? '')) {
        throw new Error(`API_TOKENS: "${name ?? entry}" must be name:reader|editor:<64 hex digits of sha256>`);
      }
      return { name, role, sha256: Buffer.from(hash, 'hex') };
    });
}

export class TokenVerifier {
  private readonly tokens: StoredToken[];

  constructor(config: Pick<Config, 'API_TOKENS'>) {
    this.tokens = parseTokens(config.API_TOKENS);
  }

  /** The viewer for an Authorization header; null when a token was sent but is not valid. */
  viewerFor(authorization: string | undefined): Viewer | null {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return null;
    const digest = crypto.createHash('sha256').update(match[1], 'utf8').digest();
    // Compare every stored hash in constant time so that timing says nothing about which one matched.
    let found: StoredToken | null = null;
    for (const token of this.tokens) {
      if (crypto.timingSafeEqual(token.sha256, digest)) found = token;
    }
    if (!found) return null;
    return { name: found.name, roles: found.role === 'editor' ? ['reader', 'editor'] : ['reader'] };
  }
}

/** UNAUTHENTICATED; `http` 401 when the whole request is refused (a bad token), not one field. */
export const unauthenticated = (message = 'This needs a bearer token.', http = false) =>
  new DiplographError(ErrorCode.UNAUTHENTICATED, message, http ? { http: { status: 401 } } : {});

export const forbidden = (role: Role) =>
  new DiplographError(ErrorCode.FORBIDDEN, `This needs a token with the ${role} role.`, { role });

/**
 * Who sends a request: a hashed API token (API_TOKENS), or a JWT verified against JWT_JWKS_FILE.
 * A token that is sent but not valid is refused outright (401), whatever it was sent for; with
 * REQUIRE_READ_TOKEN, so is a request without one. Refusals are logged with the reason and the
 * client's address, never the token.
 */
export class Authenticator {
  private readonly tokens: TokenVerifier;
  private readonly jwt: JwtVerifier | null;

  constructor(
    private readonly config: Pick<Config, 'API_TOKENS' | 'REQUIRE_READ_TOKEN' | 'JWT_JWKS_FILE' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>,
    private readonly logger: Logger,
  ) {
    this.tokens = new TokenVerifier(config);
    this.jwt = config.JWT_JWKS_FILE ? new JwtVerifier(config) : null;
  }

  /** The viewer for an Authorization header; null when a token was sent but is not valid. */
  async viewerFor(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return null;
    if (this.jwt && looksLikeJwt(match[1])) return this.jwt.verify(match[1]);
    return this.tokens.viewerFor(authorization);
  }

  /** The viewer of an HTTP request; throws UNAUTHENTICATED (401) for a bad token, or a missing one when reads need one. */
  async authenticate(req: Pick<Request, 'headers' | 'ip'>): Promise<Viewer> {
    const viewer = await this.viewerFor(req.headers.authorization);
    if (viewer === null) {
      this.logger.warn({ ip: req.ip, reason: 'invalid bearer token' }, 'rejected an invalid bearer token');
      throw unauthenticated('The bearer token is not valid.', true);
    }
    if (this.config.REQUIRE_READ_TOKEN && !viewer.roles.includes('reader')) {
      this.logger.warn({ ip: req.ip, reason: viewer.name ? 'token without the reader role' : 'no bearer token' }, 'rejected a request without a reader token');
      throw unauthenticated('This service needs a bearer token with the reader role (REQUIRE_READ_TOKEN).', true);
    }
    return viewer;
  }

  /** Express middleware for plain HTTP routes (the import endpoint): the viewer must hold `role`. */
  requireRole(role: Role) {
    return async (req: Request, res: Response, next: NextFunction) => {
      try {
        const viewer = await this.authenticate(req);
        if (!viewer.roles.includes(role)) {
          this.logger.warn({ ip: req.ip, viewer: viewer.name, role, path: req.path }, 'refused a request without the needed role');
          const error = viewer.name === null ? unauthenticated() : forbidden(role);
          res.status(viewer.name === null ? 401 : 403).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
          return;
        }
        (res.locals as { viewer?: Viewer }).viewer = viewer;
        next();
      } catch (error) {
        const e = error as DiplographError;
        res.status(401).json({ errors: [{ message: e.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      }
    };
  }
}

/**
 * type-graphql's @Authorized('editor') lands here: without a token the answer is UNAUTHENTICATED,
 * with a token that lacks the role FORBIDDEN.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const missing = roles.find((role) => !context.viewer.roles.includes(role));
  if (missing === undefined) return true;
  context.logger?.warn({ viewer: context.viewer.name, role: missing }, 'refused an operation without the needed role');
  if (context.viewer.name === null && context.viewer.roles.length === 0) throw unauthenticated();
  throw forbidden(missing);
};
