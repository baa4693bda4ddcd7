import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { sv } from '../../apps/web/src/i18n/messages.sv.js';
import type { Role } from '../../libs/domain/src/roles.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { TEST_PASSWORD } from '../support/system-under-test.js';

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

/** No serious or critical axe-core violation, each named with its nodes when there is one. */
export function expectAccessible(violations: AxeViolation[]): void {
  expect(violations.map(({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => JSON.stringify(node.target)).join(', ')})`)).toEqual([]);
}

/** Reloads until the locator shows: the page shows what the workflows have done so far. */
export async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 3_000 });
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await page.reload();
    }
  }
}

/**
 * Opens a browser for one of the organisation's people and signs in (checking the sign-in page
 * with axe-core); `keyboard` does it as a keyboard-only user would: Tab to the field, type, Enter.
 * `name` prefixes the person's screenshots (the role by default).
 */
export async function signIn(browser: Browser, baseUrl: string, organisation: SeededOrganisation, role: Role, { keyboard = false, name = role as string } = {}): Promise<Person> {
  const person = await Person.open(browser, name, baseUrl);
  const { page } = person;
  await page.goto('/');
  await page.getByRole('heading', { name: sv.signIn.title, level: 1 }).waitFor();
  expectAccessible(await person.checkpoint('sign-in'));
  if (keyboard) {
    const email = page.getByLabel(sv.signIn.email);
    for (let presses = 0; presses < 5 && !(await email.evaluate((element) => element === element.ownerDocument.activeElement)); presses += 1) await page.keyboard.press('Tab');
    await page.keyboard.type(organisation.users[role].email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
  } else {
    await page.getByLabel(sv.signIn.email).fill(organisation.users[role].email);
    await page.getByLabel(sv.signIn.password).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: sv.signIn.submit }).click();
  }
  await page.getByRole('heading', { name: sv.dashboard.title, level: 1 }).waitFor();
  return person;
}
