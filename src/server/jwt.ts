import fs from 'node:fs';
import nodeModule from 'node:module';
import type { JSONWebKeySet } from 'jose';
import type { Config } from '../config';

/**
 * jose 6 is ESM only. Node 20.19+ `require`s ESM natively, but Jest's module registry cannot,
 * so it is loaded through Node's own `require`, and only when JWTs are configured.
 */
export const loadJose = (): typeof import('jose') => {
  // Jest swaps `node:module` for its own; process.getBuiltinModule (Node 20.16+) is the real one.
  const real = (process as { getBuiltinModule?: (id: string) => typeof nodeModule }).getBuiltinModule?.('node:module') ?? nodeModule;
  return real.createRequire(__filename)('jose');
};

export type JwtRole = 'reader' | 'editor';

export interface JwtViewer {
  name: string | null;
  roles: JwtRole[];
}

/** Asymmetric algorithms only: a JWKS of public keys cannot verify HMAC, and `none` is never accepted. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Verifies JWTs issued for deployments behind a router or an identity provider: signature against
 * the public keys in JWT_JWKS_FILE, `iss` = JWT_ISSUER, `aud` = JWT_AUDIENCE (each checked when
 * set), `exp`/`nbf` with 30 s of clock tolerance. Roles come from the `roles` claim (an array, or
 * a space-separated string); an editor can also read.
 */
export class JwtVerifier {
  private readonly keys: ReturnType<typeof import('jose').createLocalJWKSet>;
  private readonly jose = loadJose();

  constructor(private readonly config: Pick<Config, 'JWT_JWKS_FILE' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>) {
    if (!config.JWT_JWKS_FILE) throw new Error('JWT_JWKS_FILE is not set');
    let jwks: JSONWebKeySet;
    try {
      jwks = JSON.parse(fs.readFileSync(config.JWT_JWKS_FILE, 'utf8')) as JSONWebKeySet;
    } catch (error) {
      throw new Error(`JWT_JWKS_FILE: cannot read a JSON Web Key Set from ${config.JWT_JWKS_FILE}: ${(error as Error).message}`);
    }
    if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error(`JWT_JWKS_FILE: ${config.JWT_JWKS_FILE} holds no keys`);
    this.keys = this.jose.createLocalJWKSet(jwks);
  }

  /** The viewer the token names, or null when it is not a valid token for this service. */
  async verify(token: string): Promise<JwtViewer | null> {
    try {
      const { payload } = await this.jose.jwtVerify(token, this.keys, {
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        algorithms: ALGORITHMS,
        clockTolerance: 30,
        requiredClaims: ['exp'],
      });
      const claim = payload.roles;
      const listed = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/\s+/) : [];
      const roles = new Set<JwtRole>();
      for (const role of listed) {
        if (role === 'editor') roles.add('editor').add('reader');
        if (role === 'reader') roles.add('reader');
      }
      return { name: typeof payload.sub === 'string' ? payload.sub : null, roles: [...roles].sort() };
    } catch {
      return null;
    }
  }
}

/** Three base64url segments: a compact JWS. */
export const looksLikeJwt = (token: string) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
