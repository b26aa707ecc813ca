import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config';
import { CHROMIUM, launchChromium } from '../support/browser';
import { dataOf, useSeededServer } from '../support/seeded';

/**
 * The explorer in a real headless Chromium over the seeded graph: load, search "Blinken", open a
 * node's facts, expand, narrow to a date, find a path. Screenshots go to tests/artifacts/. Every
 * request the page makes is recorded: none may leave the test server's origin, and the data comes
 * only from POST /graphql.
 */
// Seeding and a cold Neo4j can be slow on a busy machine; the browser steps wait for the page anyway.
jest.setTimeout(180000);

const ARTIFACTS = path.join(PROJECT_ROOT, 'tests', 'artifacts');

interface DrawnNode {
  id: string;
  kind: string;
  label: string;
  box: { x1: number; y1: number; x2: number; y2: number };
}

const describeIfChromium = fs.existsSync(CHROMIUM) ? describe : describe.skip;

describeIfChromium('the explorer page', () => {
  // A busy machine (the browser, Neo4j and the server share it) can take more than the default 10 s for a cold query.
  const server = useSeededServer({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  let userDataDir: string;
  const requests: Array<{ method: string; url: string }> = [];
  const foreign: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    origin = new URL(server().url).origin;
    ({ context, userDataDir } = await launchChromium('explore'));
    // Anything not for the test server is recorded and refused, so that a stray CDN link fails here.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    context.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 60000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  /** Runs `action` and waits until the page has finished the network load it starts (the status counts loads). */
  async function afterLoad(action: () => Promise<unknown>) {
    const before = await page.$eval('#status', (el) => Number((el as HTMLElement).dataset.loads ?? 0));
    await action();
    await page.waitForFunction(
      (n) => {
        const status = document.getElementById('status')!;
        return Number(status.dataset.loads ?? 0) > n && status.dataset.busy === 'false';
      },
      before,
      { timeout: 150000 },
    );
    if ((await page.$eval('#status', (el) => (el as HTMLElement).dataset.error)) !== 'false') {
      throw new Error(`the page failed to load the network: ${await page.textContent('#panel')}`);
    }
  }
  /** Waits until the panel shows the complete facts of a node (its id), an edge (e:id) or the path; if it never does, says what it shows. */
  async function panelFor(subject: string) {
    try {
      await page.waitForSelector(`#panel-body[data-subject="${subject}"]`, { timeout: 150000 });
    } catch (error) {
      const shown = await page.evaluate(() => ({ subject: document.getElementById('panel-body')?.dataset.subject, panel: document.getElementById('panel')?.textContent, status: document.getElementById('status')?.textContent }));
      throw new Error(`the panel never showed ${subject}; it shows ${JSON.stringify(shown)} (${(error as Error).message.split('\n')[0]})`);
    }
  }
  const drawn = (): Promise<DrawnNode[]> =>
    page.evaluate(() => {
      const cy = (window as unknown as { explorer: { cy: import('cytoscape').Core } }).explorer.cy;
      return cy.nodes().map((n) => ({ id: n.id(), kind: n.data('kind'), label: n.data('short'), box: n.renderedBoundingBox({ includeLabels: true, includeOverlays: false }) }));
    });
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });

  /** Clicks a node where it is drawn, as a user would. */
  async function clickNode(id: string, count = 1) {
    const point = await page.evaluate((nodeId) => {
      const cy = (window as unknown as { explorer: { cy: import('cytoscape').Core } }).explorer.cy;
      const node = cy.getElementById(nodeId);
      if (node.empty()) return null;
      const rect = cy.container()!.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, id);
    if (!point) throw new Error(`${id} is not drawn`);
    await page.mouse.click(point.x, point.y, { clickCount: count });
  }

  /** Label boxes (node plus label) that overlap: readable means none among the labelled nodes. */
  function overlaps(nodes: DrawnNode[]) {
    const pairs: string[] = [];
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const a = nodes[i].box;
        const b = nodes[j].box;
        const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        // A few pixels of touching is not mush; a real overlap is.
        if (w > 4 && h > 4) pairs.push(`${nodes[i].id} × ${nodes[j].id}`);
      }
    }
    return pairs;
  }

  it('loads with every script and style from the server itself', async () => {
    const response = await page.goto(`${origin}/explore`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const loaded = requests.map((r) => new URL(r.url).pathname);
    expect(loaded).toEqual(
      expect.arrayContaining([
        '/explore',
        '/explore/assets/explorer.css',
        '/explore/assets/explorer.js',
        '/explore/vendor/cytoscape.min.js',
        '/explore/vendor/layout-base.js',
        '/explore/vendor/cose-base.js',
        '/explore/vendor/cytoscape-fcose.js',
      ]),
    );
    await shot('explore-01-loaded.png');
  });

  it('searches "Blinken" and draws his network, readably', async () => {
    await page.fill('#search', 'Blinken');
    await page.waitForSelector('#suggestions li[data-id="antony-blinken"]');
    await afterLoad(() => page.press('#search', 'Enter'));
    await panelFor('antony-blinken');
    expect(await page.textContent('[data-testid="panel-title"]')).toBe('Antony Blinken');
    const nodes = await drawn();
    const ids = nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['antony-blinken', 'xi-jinping', 'wang-yi', 'qin-gang', 'joe-biden', 'meeting-blinken-qin-2023-06-18']));
    // The API's network, drawn whole: the page shows what egoNetwork returns.
    const api = dataOf(
      await server().gql<{ egoNetwork: { nodes: { id: string }[] } }>(
        'query($from: Date, $to: Date) { egoNetwork(name: "antony-blinken", depth: 1, from: $from, to: $to, via: [MEETING, OFFICE, RANK]) { nodes { id } } }',
        { from: null, to: null },
      ),
    );
    expect(ids.sort()).toEqual(api.egoNetwork.nodes.map((n) => n.id).sort());
    expect(overlaps(nodes)).toEqual([]);
    // The panel shows Blinken's offices and meetings with their evidence.
    const panel = await page.textContent('#panel');
    expect(panel).toContain('United States Secretary of State');
    expect(panel).toContain('On Sunday, Blinken spoke with Qin for seven and a half hours');
    await shot('explore-02-blinken.png');
  });

  it("shows a node's facts and evidence on click, and expands it", async () => {
    await clickNode('meeting-blinken-qin-2023-06-18');
    await panelFor('meeting-blinken-qin-2023-06-18');
    const meetingPanel = await page.textContent('#panel');
    expect(meetingPanel).toContain('seven and a half hours');
    expect(meetingPanel).toContain("China's Xi Jinping makes positive comments after meeting with Blinken");

    await clickNode('qin-gang');
    await panelFor('qin-gang');
    expect(await page.textContent('[data-testid="panel-title"]')).toBe('Qin Gang');
    const before = (await drawn()).length;
    expect((await drawn()).some((n) => n.id === 'andrey-rudenko')).toBe(false);
    await afterLoad(() => page.click('[data-testid="expand"]'));
    await page.waitForFunction(() => /^Expanded Qin Gang/.test(document.getElementById('status')?.textContent ?? ''));
    const after = await drawn();
    expect(after.length).toBeGreaterThan(before);
    expect(after.map((n) => n.id)).toEqual(expect.arrayContaining(['andrey-rudenko', 'meeting-qin-gang-rudenko-2023-06-25']));
    expect(overlaps(after)).toEqual([]);
    await shot('explore-03-expanded.png');
  });

  it('narrows everything to a date ("as of")', async () => {
    await page.fill('#from', '2023-06-19');
    await page.fill('#to', '2023-06-19');
    await afterLoad(() => page.click('[data-testid="apply-dates"]'));
    expect(await page.textContent('#status')).toContain('as of 2023-06-19');
    const nodes = await drawn();
    const meetings = nodes.filter((n) => n.kind === 'MEETING').map((n) => n.id).sort();
    expect(meetings).toEqual(['meeting-blinken-wang-yi-2023-06-19', 'meeting-blinken-xi-2023-06-19']);
    expect(nodes.some((n) => n.id === 'joe-biden')).toBe(false);
    expect(overlaps(nodes)).toEqual([]);
    expect(await page.textContent('#asof-label')).toBe('2023-06-19');
    // The panel follows: Qin Gang's offices and meetings of that day.
    await page.waitForFunction(() => /Offices \(as of 2023-06-19\)/.test(document.getElementById('panel')?.textContent ?? ''), undefined, { timeout: 150000 });
    expect(await page.textContent('#panel')).toContain('Meetings (as of 2023-06-19)');
    await shot('explore-04-as-of-2023-06-19.png');

    // The slider moves the day: the last day of its span is after every fact, so Qin (removed
    // 2023-07-25) has no office then and nothing from June remains.
    await afterLoad(() =>
      page.$eval('#asof', (el: HTMLInputElement) => {
        el.value = el.max;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    );
    expect(await page.textContent('#status')).not.toContain('as of 2023-06-19');
    const late = await drawn();
    expect(late.filter((n) => n.kind === 'MEETING')).toEqual([]);

    await afterLoad(() => page.click('[data-testid="clear-dates"]'));
    expect(await page.textContent('#status')).toContain('all dates');
  });

  it('finds and highlights the shortest connection between two people, with the evidence of each step', async () => {
    await page.fill('#path-from', 'Rudenko');
    await page.fill('#path-to', 'Biden');
    await page.click('[data-testid="find-path"]');
    await panelFor('path');
    const path = dataOf(
      await server().gql<{ shortestPath: { length: number; nodes: { id: string }[]; edges: { id: string }[] } }>(
        '{ shortestPath(from: "Rudenko", to: "Biden", maxHops: 4, via: [MEETING, OFFICE, RANK]) { length nodes { id } edges { id } } }',
      ),
    ).shortestPath;
    const highlighted = await page.evaluate(() => {
      const cy = (window as unknown as { explorer: { cy: import('cytoscape').Core } }).explorer.cy;
      return { nodes: cy.nodes('.on-path').map((n) => n.id()), edges: cy.edges('.on-path').map((e) => e.id().slice(2)) };
    });
    expect(highlighted.nodes.sort()).toEqual(path.nodes.map((n) => n.id).sort());
    expect(highlighted.edges.sort()).toEqual(path.edges.map((e) => e.id).sort());
    const steps = await page.$$eval('[data-testid="path-steps"] > li', (lis) => lis.map((li) => ({ text: li.textContent ?? '', quotes: li.querySelectorAll('blockquote').length })));
    expect(steps).toHaveLength(path.edges.length);
    for (const step of steps) expect(step.quotes).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="panel-title"]')).toBe('Andrey Rudenko → Joe Biden');
    await shot('explore-05-path.png');
  });

  it('leaves no suggestions open when a search is submitted before they arrive', async () => {
    await page.fill('#search', 'Wang');
    await afterLoad(() => page.press('#search', 'Enter'));
    await panelFor('wang-yi');
    // The suggestion for "Wang" was due 150 ms after typing; it must not open the list over the graph.
    await page.waitForTimeout(600);
    expect(await page.isHidden('#suggestions')).toBe(true);
    expect(await page.$$('#suggestions li')).toHaveLength(0);
  });

  it('made no request beyond its own server, and read data only through POST /graphql', () => {
    expect(foreign).toEqual([]);
    for (const r of requests) expect(r.url.startsWith(`${origin}/`)).toBe(true);
    const data = requests.filter((r) => !/^\/explore(\/|$)/.test(new URL(r.url).pathname));
    expect(data.length).toBeGreaterThan(0);
    for (const r of data) expect([r.method, new URL(r.url).pathname]).toEqual(['POST', '/graphql']);
    expect(consoleErrors).toEqual([]);
  });
});
