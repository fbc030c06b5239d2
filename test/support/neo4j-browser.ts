/**
 * Drives Neo4j Browser (served by the managed server at /browser/) in headless Chromium: logs in, lets the
 * server's post-connect command apply the project's style, runs a query and returns what the graph view drew.
 */
import type { Locator, Page } from 'playwright-core';

export interface BrowserTarget {
  httpPort: number;
  boltPort: number;
  username: string;
  password: string;
}

export interface DrawnGraph {
  nodes: number;
  relationships: number;
  /** Fill colour of the drawn nodes, by their caption. */
  fills: Record<string, string>;
}

const SELECTORS = {
  username: 'input[data-testid="username"]',
  password: 'input[data-testid="password"]',
  connect: 'button[data-testid="connect"]',
  connected: '[data-testid="frame"]:has-text("You are connected as user")',
  editor: '#monaco-main-editor',
  run: '[data-testid="editor-Run"]',
  frame: '[data-testid="frame"]',
  frameCommand: '[data-testid="frameCommand"]',
  node: 'svg.neod3viz g.node',
  relationship: 'svg.neod3viz g.relationship',
};

/** Waits until the force layout stops moving: node positions unchanged for a second (at most 20 s). */
async function settle(page: Page, nodes: Locator): Promise<void> {
  let previous = '';
  let stableSince = Date.now();
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    const positions = await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('transform')).join('|'));
    if (positions !== previous) {
      previous = positions;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 1_000) {
      return;
    }
    await page.waitForTimeout(150);
  }
}

export async function drawInNeo4jBrowser(page: Page, target: BrowserTarget, query: string, screenshot?: string): Promise<DrawnGraph> {
  // No welcome guide, no zoom hint: the first frames are the connection and the style.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('neo4j.settings', JSON.stringify({ initCmd: '', showWheelZoomInfo: false }));
  });
  await page.goto(`http://localhost:${target.httpPort}/browser/?dbms=${encodeURIComponent(`bolt://localhost:${target.boltPort}`)}`);
  await page.locator(SELECTORS.password).waitFor({ timeout: 90_000 });
  await page.fill(SELECTORS.username, target.username);
  await page.fill(SELECTORS.password, target.password);
  await page.click(SELECTORS.connect);
  await page.locator(SELECTORS.connected).waitFor({ timeout: 60_000 });
  await page.locator(`${SELECTORS.frameCommand}:has-text(":style")`).first().waitFor({ timeout: 30_000 });

  await page.click(SELECTORS.editor);
  // insertText: typing would let the editor auto-close brackets and quotes.
  await page.keyboard.insertText(query.replace(/\s+/g, ' '));
  await page.click(SELECTORS.run);
  const frame = page.locator(SELECTORS.frame).first();
  await frame.locator(SELECTORS.node).first().waitFor({ timeout: 60_000 });

  await settle(page, frame.locator(SELECTORS.node));
  if (screenshot) {
    // The whole window for the picture, without the side panel, zoomed to fit.
    await frame.locator('button[title="Fullscreen"]').click();
    await frame.locator('button[title="Collapse the node properties display"]').click();
    await page.waitForTimeout(500);
    await frame.locator('button[aria-label="zoom-to-fit"]').click();
    await settle(page, frame.locator(SELECTORS.node));
    await page.screenshot({ path: screenshot });
  }
  const fills = await frame.locator(SELECTORS.node).evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((node) => [
        Array.from(node.querySelectorAll('text'))
          .map((text) => text.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
        node.querySelector('circle.b-outline')?.getAttribute('fill') ?? '',
      ]),
    ),
  );
  return {
    nodes: await frame.locator(SELECTORS.node).count(),
    relationships: await frame.locator(SELECTORS.relationship).count(),
    fills,
  };
}
