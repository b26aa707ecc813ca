import path from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../config';

/**
 * The explorer's files live in src/explore/public (the build copies only .ts to dist, so they are
 * found from the project root, never from this file's folder).
 */
export const EXPLORE_PUBLIC = path.join(PROJECT_ROOT, 'src', 'explore', 'public');

/** The browser builds of cytoscape and the fcose layout with its two dependencies, served from node_modules: no CDN. */
export const VENDOR_FILES: Record<string, string> = {
  'cytoscape.min.js': 'cytoscape/dist/cytoscape.min.js',
  'layout-base.js': 'layout-base/layout-base.js',
  'cose-base.js': 'cose-base/cose-base.js',
  'cytoscape-fcose.js': 'cytoscape-fcose/cytoscape-fcose.js',
};

function vendorPath(file: string): string {
  return require.resolve(file, { paths: [PROJECT_ROOT] });
}

/**
 * The page only talks to its own origin: scripts, styles and data from 'self', and nothing else.
 * Cytoscape sets element styles from script, which style-src does not govern; 'unsafe-inline' is
 * for the style attributes cytoscape writes into its container.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `GET /explore`: the graph explorer, a static page that reads POST /graphql like any client. */
export function exploreRoutes(): Router {
  const router = express.Router();
  const headers = (res: express.Response) =>
    res.set({ 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });

  router.get(['/explore', '/explore/'], (_req, res) => {
    headers(res);
    res.set('cache-control', 'no-cache');
    res.sendFile(path.join(EXPLORE_PUBLIC, 'index.html'));
  });
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    const resolved = vendorPath(file);
    router.get(`/explore/vendor/${name}`, (_req, res) => {
      headers(res);
      res.set('cache-control', 'public, max-age=86400');
      res.type('application/javascript').sendFile(resolved);
    });
  }
  router.use(
    '/explore/assets',
    (_req, res, next) => {
      headers(res);
      next();
    },
    express.static(EXPLORE_PUBLIC, { index: false, fallthrough: false, dotfiles: 'deny', cacheControl: true, maxAge: 0 }),
  );
  return router;
}
