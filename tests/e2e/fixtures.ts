import { test as base, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Every route of the shell: path, visible heading and document title. */
export const ROUTES = [
  { path: '/', heading: 'Today', title: 'KeyDeck' },
  { path: '/study', heading: 'Study', title: 'Study · KeyDeck' },
  { path: '/quiz', heading: 'Quizzes and exams', title: 'Quiz · KeyDeck' },
  { path: '/walkthroughs', heading: 'Walkthroughs', title: 'Walkthroughs · KeyDeck' },
  { path: '/labs', heading: 'Labs', title: 'Labs · KeyDeck' },
  { path: '/progress', heading: 'Your progress', title: 'Progress · KeyDeck' },
  { path: '/about', heading: 'About KeyDeck', title: 'About · KeyDeck' },
] as const;

/** Presses Tab and Shift+Tab round a dialog, and expects the focus never to leave it. */
export async function expectFocusKeptIn(page: Page, dialog: Locator) {
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `after ${key}`).toBe(true);
  }
}

/** Whether the focus is on `target`. */
function focused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/**
 * Presses Tab until `target` has the focus, as a learner does who looks for
 * it; fails if it takes more than `most` presses (the page's controls and
 * the way round past the browser's own).
 */
export async function tabTo(page: Page, target: Locator, most = 60) {
  await expect(target).toBeVisible();
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    if (await focused(target)) return;
  }
  throw new Error(`Tab did not reach ${target} in ${most} presses`);
}

/** The app as a learner meets it: pages, navigation and the theme switch. */
/**
 * Records every Content-Security-Policy violation the page reports, from
 * the first byte of each document; `policyViolations` reads them.
 */
export async function watchPolicyViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}: ${e.sample}`);
    });
  });
}

/** The violations recorded on the current document (see `watchPolicyViolations`). */
export async function policyViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Stores a deck as if the learner had imported it, before the page loads. */
export async function seedImportedDeck(page: Page, file: string, text: string) {
  await page.addInitScript(
    ([file, text]) => {
      if (!localStorage.getItem('keydeck.decks.imported')) {
        localStorage.setItem('keydeck.decks.imported', JSON.stringify([{ file, text }]));
      }
    },
    [file, text],
  );
}

export class App {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(err.message));
  }

  /** Opens a path and waits until the app has mounted its heading. */
  async open(path: string) {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A navigation link, wherever the layout puts it (side bar, tab bar or top bar). */
  navLink(name: string): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true }).locator('visible=true');
  }

  get themeSwitch(): Locator {
    return this.page.getByRole('button', { name: /^Switch to (dark|light) theme$/ });
  }

  async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  /** Serious and critical axe findings against WCAG 2 A and AA. */
  async accessibilityViolations() {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }
}

/** The study page's decks panel: import with a preview, export, your decks. */
export class DecksPanel {
  constructor(readonly page: Page) {}

  /** Opens /study (or `path`) and the panel, once its tools are loaded. */
  async open(path = '/study') {
    await this.page.goto(path);
    await this.page.getByText('Import and export decks').click();
    await expect(this.page.getByRole('heading', { name: 'Import a deck' })).toBeVisible();
  }

  format(name: string | RegExp): Locator {
    return this.page.getByRole('radio', { name });
  }

  async chooseFile(name: string, text: string | Buffer) {
    const buffer = typeof text === 'string' ? Buffer.from(text) : text;
    await this.page.locator('.deck-import input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer });
  }

  get pasteBox(): Locator {
    return this.page.getByLabel('Or paste the text');
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  get previewCards(): Locator {
    return this.preview.locator('.preview-card');
  }

  get problems(): Locator {
    return this.preview.locator('.import-problems li');
  }

  get title(): Locator {
    return this.page.getByLabel('Deck title');
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save deck' });
  }

  /** Saves the previewed deck and waits for the confirmation. */
  async save() {
    await this.saveButton.click();
    await expect(this.page.locator('.import-done')).toContainText('Saved "');
  }

  /** Downloads the deck titled `deck` as `format` (KeyDeck Markdown, Anki, CSV). */
  async export(deck: string, format: string): Promise<{ name: string; text: string }> {
    await this.page.getByLabel('Deck', { exact: true }).selectOption({ label: deck });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator('.export-links').getByRole('link', { name: new RegExp(`^${format} `) }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), text: await readFile(path!, 'utf8') };
  }

  /** A row of "Your decks". */
  deck(title: string): Locator {
    return this.page.locator('.deck-list li').filter({ hasText: title });
  }
}

export const test = base.extend<{ app: App; awaitApp: boolean }>({
  /**
   * Whether the page's navigations wait until the app has mounted. The
   * build renders most routes into their pages (xtask/src/prerender.rs),
   * inert until the app replaces them; a test acts on the live app, so
   * `goto` and `reload` return once it is there. Tests of the rendered
   * page itself turn this off.
   */
  awaitApp: [true, { option: true }],
  page: async ({ page, awaitApp }, use) => {
    if (awaitApp) {
      const mounted = () => page.waitForFunction(() => !document.getElementById('boot'));
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (...args) => {
        const response = await goto(...args);
        await mounted();
        return response;
      };
      page.reload = async (...args) => {
        const response = await reload(...args);
        await mounted();
        return response;
      };
    }
    await use(page);
  },
  app: async ({ page }, use) => {
    const app = new App(page);
    await use(app);
    expect(app.errors, 'console errors').toEqual([]);
  },
});

export { expect };
