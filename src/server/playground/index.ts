import crypto from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { PLAYGROUND_EXAMPLES } from './examples';

/** Where the playground sends its operations; the page itself is served here and at `/`. */
export const GRAPHQL_PATH = '/graphql';

/**
 * A bare page URL anywhere in the markup would be a request to another host. The bundle mentions
 * URLs in comments and strings (licences, docs links) that the page never loads; these patterns
 * are the ones a page *would* load: attributes and CSS `url()` that point off the page.
 */
const EXTERNAL_REFERENCE = /(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|\bimport\s*\(\s*["'])(?:https?:)?\/\/[^"')\s]+/gi;

export interface Playground {
  html: string;
  /** A strong validator for the page, so a browser revalidates the 9 MB page instead of refetching it. */
  etag: string;
}

let rendered: Playground | null = null;

/**
 * GraphiQL (graphql-yoga's build), rendered once per process, when a browser first asks for it:
 * the page inlines its script, its styles and its editor workers (as blob: URLs), so it loads
 * nothing from any other host. Apollo's default landing page would load Apollo Sandbox from a CDN
 * and fail offline.
 * The build is loaded here, not at start-up: loading it and rendering the page take some 85 MB of
 * the process's memory, which a replica that only answers other services (behind a federation
 * router) never needs (docs/benchmark.md, session 10).
 */
export function playground(): Playground {
  if (rendered) return rendered;
  const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
  const html = renderGraphiQL({
    title: 'diplograph — GraphQL playground',
    endpoint: GRAPHQL_PATH,
    // Only the page's own origin is called; no cookies are needed for the read API.
    credentials: 'same-origin',
    defaultTabs: PLAYGROUND_EXAMPLES.map((example) => ({ query: example.query })),
    defaultQuery: PLAYGROUND_EXAMPLES[0].query,
    defaultEditorToolsVisibility: false,
    // The page never writes the editor's headers (a bearer token) to localStorage.
    shouldPersistHeaders: false,
    schemaDescription: true,
    inputValueDeprecation: true,
    // Yoga's default favicon and logo are inline already; a data: favicon keeps it that way.
    favicon: FAVICON,
  });
  const external = externalReferences(html);
  if (external.length > 0) {
    // A new version of the GraphiQL build that loads from a CDN must not slip through silently.
    throw new Error(`The playground page references other hosts: ${external.join(', ')}`);
  }
  rendered = { html, etag: `"${crypto.createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
  return rendered;
}

/** The URLs in the page's markup that a browser would fetch from another host. */
export function externalReferences(html: string): string[] {
  return [...new Set(html.match(EXTERNAL_REFERENCE) ?? [])];
}

/**
 * `GET /` opens the playground too (Apollo's landing page plugin covers `GET /graphql` from a
 * browser). Only HTML-preferring requests get it; anything else falls through (a 404).
 */
export function playgroundRoutes(): Router {
  const router = express.Router();
  router.get('/', (req: Request, res: Response, next) => {
    if (!req.accepts('html')) {
      next();
      return;
    }
    const page = playground();
    res.set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      etag: page.etag,
      // The page runs its own inline script; it has no business framing or being framed.
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
    });
    if (matches(req.get('if-none-match'), page.etag)) {
      res.status(304).end();
      return;
    }
    res.send(page.html);
  });
  return router;
}

/** Whether an If-None-Match header names this ETag (a list, weak or strong, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** A small inline icon (a graph of three nodes), so the browser does not ask for /favicon.ico. */
const FAVICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><g stroke="#1f4e79" stroke-width="2.5"><line x1="8" y1="24" x2="16" y2="8"/><line x1="16" y1="8" x2="24" y2="24"/><line x1="8" y1="24" x2="24" y2="24"/></g><g fill="#e10098"><circle cx="8" cy="24" r="4"/><circle cx="16" cy="8" r="4"/><circle cx="24" cy="24" r="4"/></g></svg>',
  );
