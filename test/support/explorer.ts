/** What the Explorer's browser tests share: waiting for a view to be drawn, and axe-core run in the page. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations of the page as it is now: id, impact and the elements. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>; passes: unknown[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    if (result.passes.length === 0) throw new Error('axe-core checked nothing');
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  });
}

/** Waits for the view to be drawn; a view that failed fails the test with what the page says. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.explorer && window.explorer.state !== 'loading', null, { timeout: 90_000 });
  const state = await page.evaluate(() => window.explorer.state);
  if (state !== 'ready') throw new Error(`${page.url()} is ${state}: ${await page.locator('main').innerText()}`);
}
