/**
 * The playground: GraphiQL served by diplograph itself, for `GET /graphql` from a browser and for
 * `GET /`. Checked over plain HTTP (what the page references, caching), by running each example
 * query on the seeded graph, and in real headless Chromium: the page loads, an example runs and
 * its result shows, a screenshot goes to tests/artifacts/playground.png, and every request the
 * page makes is recorded — any that leaves this server fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { externalReferences, playground } from '../../src/server/playground';
import { PLAYGROUND_EXAMPLES } from '../../src/server/playground/examples';
import { CHROMIUM, launchChromium } from '../support/browser';
import { useSeededServer } from '../support/seeded';

jest.setTimeout(300_000);

const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

describe('the playground', () => {
  const server = useSeededServer();
  const origin = () => new URL(server().url).origin;

  describe('over HTTP', () => {
    const page = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...headers } });

    it('serves GraphiQL to a browser at GET /graphql, rendered once', async () => {
      const response = await page(server().url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toBe(playground().html);
      expect(html).toContain('<title>diplograph — GraphQL playground</title>');
      expect(playground()).toBe(playground());
    });

    it('serves the same page at GET /, with an ETag a browser can revalidate', async () => {
      const response = await page(`${origin()}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(playground().html);
      const etag = response.headers.get('etag')!;
      expect(etag).toBeTruthy();
      expect((await page(`${origin()}/`, { 'if-none-match': etag })).status).toBe(304);
      // A client that does not want HTML gets no page.
      expect((await fetch(`${origin()}/`, { headers: { accept: 'application/json' } })).status).toBe(404);
    });

    it('references nothing on another host: script, styles, workers and icon are inline', () => {
      const { html } = playground();
      expect(externalReferences(html)).toEqual([]);
      expect(html).not.toMatch(/<script[^>]+src=/i);
      expect(html).not.toMatch(/<link[^>]+rel="?stylesheet/i);
      expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net|esm\.sh|cdnjs|fonts\.googleapis|embeddable-sandbox|apollographql\.com/);
      // The detector itself finds what it should.
      expect(externalReferences('<script src="https://unpkg.com/graphiql"></script><link href="//cdn.jsdelivr.net/x.css">')).toHaveLength(2);
    });

    it('opens with the example queries as tabs', () => {
      const { html } = playground();
      for (const example of PLAYGROUND_EXAMPLES) expect(html).toContain(JSON.stringify(example.query).slice(1, -1));
    });

    it.each(PLAYGROUND_EXAMPLES.map((e) => [e.name, e]))('example %s runs on the seeded graph and finds something', async (_name, example) => {
      const response = await server().gql<Record<string, unknown>>(example.query);
      expect(response.errors).toBeUndefined();
      expect(response.status).toBe(200);
      // Every top-level field answers with something: no null, no empty list.
      for (const [field, value] of Object.entries(response.data!)) {
        expect([field, value === null || (Array.isArray(value) && value.length === 0)]).toEqual([field, false]);
      }
    });
  });

  describe('in headless Chromium', () => {
    let context: BrowserContext;
    let userDataDir: string;
    const requests: Array<{ method: string; url: string; type: string }> = [];
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      ({ context, userDataDir } = await launchChromium('playground'));
      // Every request of every page and worker of the context, whatever its scheme.
      context.on('request', (request) => requests.push({ method: request.method(), url: request.url(), type: request.resourceType() }));
    });

    afterAll(async () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(
        path.join(ARTIFACTS, 'playground-requests.json'),
        `${JSON.stringify({ requests: requests.map((r) => ({ ...r, url: r.url.length > 120 ? `${r.url.slice(0, 120)}…` : r.url })), pageErrors, consoleErrors }, null, 2)}\n`,
      );
      await context?.close();
      if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    });

    it('loads, runs the first example, shows its result, and never leaves this server', async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });

      // GraphiQL fetches the schema with an introspection POST, which CSRF prevention lets through.
      const introspected = page.waitForResponse(
        (r) => r.url() === server().url && r.request().method() === 'POST' && /__schema/.test(r.request().postData() ?? ''),
        { timeout: 60_000 },
      );
      await page.goto(server().url, { waitUntil: 'load' });
      await expect(page.title()).resolves.toBe('diplograph — GraphQL playground');
      await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 60_000 });

      // The examples are the tabs, the first one open.
      const tabs = page.locator('.graphiql-tab');
      await expect(tabs.allInnerTexts()).resolves.toEqual(PLAYGROUND_EXAMPLES.map((e) => e.name));

      expect((await introspected).status()).toBe(200);

      const answer = page.waitForResponse((r) => r.url() === server().url && r.request().method() === 'POST' && /WhoMetWhom/.test(r.request().postData() ?? ''));
      await page.locator('.graphiql-execute-button').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { data?: { meetings: { nodes: Array<{ date: string }> } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data!.meetings.nodes.map((m) => m.date)).toContain('2023-06-19');

      // The result shows in the response pane.
      const result = page.locator('.graphiql-response');
      // (The pane is a Monaco editor: it renders spaces as no-break spaces.)
      await page.waitForFunction(() => /"Wang[\s\u00a0]Yi"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), undefined, { timeout: 30_000 });
      expect((await result.innerText()).replace(/\u00a0/g, ' ')).toContain('"date": "2023-06-19"');

      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });

      // Every request stayed on this server, or on the page itself (blob: workers, data: icon).
      const local = (url: string) => url.startsWith(`${origin()}/`) || url.startsWith(`blob:${origin()}/`) || url.startsWith('data:');
      expect(requests.length).toBeGreaterThan(2);
      expect(requests.filter((r) => !local(r.url))).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('opens at GET / as well', async () => {
      const page = await context.newPage();
      await page.goto(`${origin()}/`, { waitUntil: 'load' });
      await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 60_000 });
      await expect(page.title()).resolves.toBe('diplograph — GraphQL playground');
      await page.close();
    });
  });
});
