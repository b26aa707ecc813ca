import crypto from 'node:crypto';
import type { AuthChecker } from 'type-graphql';
import type { Config } from '../config';
import type { Context } from './context';

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

/** type-graphql's @Authorized('editor') lands here. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) =>
  roles.every((role) => context.viewer.roles.includes(role));
