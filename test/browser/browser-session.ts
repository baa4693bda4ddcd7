import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Screenshots of each step, kept as test artefacts (git-ignored). */
export const ARTEFACTS = fileURLToPath(new URL('../../test-artefacts/browser/', import.meta.url));

/** Flags that work for Debian's Chromium as root in a container without GPU, network or sandbox. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's Chromium, found by scripts/chromium.mjs (CHROMIUM_PATH); a fresh profile per launch. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run the browser tests through `npm test` (scripts/bootstrap.mjs finds Chromium)');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** A person's browser: one context (cookies) and page, with CSP violations and page errors collected. */
export class Person {
  readonly problems: string[] = [];
  private step = 0;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) this.problems.push(`CSP: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
  }

  static async open(browser: Browser, name: string, baseURL: string): Promise<Person> {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    return new Person(name, context, await context.newPage());
  }

  /**
   * Keeps a screenshot of the page as it is and runs axe-core on it; returns the serious and
   * critical violations. axe is evaluated through the DevTools protocol, so the page's own CSP
   * (which forbids inline scripts) stays in force for everything else.
   */
  async checkpoint(label: string): Promise<AxeViolation[]> {
    this.step += 1;
    mkdirSync(ARTEFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTEFACTS, `${this.name}-${String(this.step).padStart(2, '0')}-${label}.png`), fullPage: true });
    await this.page.evaluate(AXE_SOURCE);
    // Runs in the page, where axe and the document are globals (this file is typed for Node).
    const violations = await this.page.evaluate(async () => {
      const page = globalThis as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: AxeViolation[] }> }; document: unknown };
      const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
      return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
    });
    return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
