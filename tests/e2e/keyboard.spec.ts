import { test, expect, tabTo } from './fixtures';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * Every route with the keyboard alone: Tab, Shift+Tab, Enter, Space, the
 * arrows, Escape and typed text, never a click.
 *
 * Routes whose keyboard paths other specs already walk:
 * - `/`: shell.spec.ts "the keyboard alone reaches and follows a navigation
 *   link" (Tab to Quiz in the navigation, Enter).
 * - the skip link: shell.spec.ts "the skip link moves focus past the
 *   navigation" (on /about).
 * - `/study`: study.spec.ts "five cards reviewed by keyboard are no longer
 *   due after a reload", "the counts by kind agree with the topic menu after
 *   every one of ten answers", "undo brings the last card back and restores
 *   the counts", "the help lists the keys and closes with Escape", "the help
 *   keeps the focus inside while open, and gives it back on Escape", "Space or
 *   Enter on a panel heading opens the panel and leaves the card hidden", "a
 *   comparison table fits a 360 px phone: …" (the arrows scroll the table).
 * - `/quiz` while a quiz is taken: quiz.spec.ts "a five-question practice
 *   quiz, by keyboard alone, with feedback after each answer", "an exam keeps
 *   its answers and flags across a reload and resumes where it was", "the
 *   submit question traps the focus, closes on Escape and gives the focus
 *   back". Its setup form is walked here.
 * - `/walkthroughs/<id>/<step>`: walkthroughs.spec.ts "<id> steps to its end
 *   by keyboard, with its narration and arrows" (all seven), "presenter mode
 *   fills the screen, PageDown advances, B blanks and Esc leaves".
 * - `/labs/<id>`, the terminal only: labs.spec.ts "Tab completes operations,
 *   options and file names", and the byte viewer in "lab 12, an Encryption
 *   SDK message, is completed by typing, and its byte viewer works from the
 *   keyboard and passes axe".
 * - `/progress`, the reset question only: storage.spec.ts "reset asks first,
 *   and only then forgets" (Escape closes it and gives the focus back).
 *
 * This file walks the rest: home's call to action and every navigation
 * link, the quiz setup, the walkthrough and lab lists, a lab's terminal and
 * console, the progress page's export, import and reset, and About and the
 * not-found page stop by stop, each stop with a focus ring.
 */

/** The shell's links and controls in the order Tab meets them. */
function frameStops(page: Page, info: TestInfo): Locator[] {
  const link = (name: string) => page.getByRole('link', { name, exact: true }).locator('visible=true');
  const theme = page.getByRole('button', { name: /^Switch to (dark|light) theme$/ });
  const primary = ['Home', 'Study', 'Quiz', 'Walkthroughs', 'Labs'].map(link);
  const secondary = ['Progress', 'About'].map(link);
  const start = [link('Skip to content'), link('KeyDeck')];
  // A phone keeps Progress and About in the top bar, before the theme switch;
  // a wide screen lists them last in the side bar.
  return info.project.name === 'phone'
    ? [...start, ...secondary, theme, ...primary]
    : [...start, theme, ...primary, ...secondary];
}

type Ring = { outline: string; shadow: string };

/** The focused element's outline and shadow, remembered for `ringAfterBlur`. */
function ringOfFocused(page: Page): Promise<Ring> {
  return page.evaluate(() => {
    const el = document.activeElement as Element;
    (window as unknown as { lastFocused: Element }).lastFocused = el;
    const s = getComputedStyle(el);
    return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow };
  });
}

/** The same element's outline and shadow now that the focus has left it. */
function ringAfterBlur(page: Page): Promise<Ring> {
  return page.evaluate(() => {
    const s = getComputedStyle((window as unknown as { lastFocused: Element }).lastFocused);
    return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow };
  });
}

/**
 * Tabs through `stops` from the top of a freshly opened page, expecting
 * each to take the focus in turn, in view and with a ring it draws only
 * while focused, and then the focus to leave the page: nothing is skipped
 * and nothing else is a stop.
 */
async function expectTabOrder(page: Page, stops: Locator[]) {
  let ring: Ring | null = null;
  for (const stop of stops) {
    await page.keyboard.press('Tab');
    if (ring) expect(await ringAfterBlur(page), 'the previous stop drops its ring').not.toEqual(ring);
    await expect(stop).toBeFocused();
    await expect(stop).toBeInViewport();
    ring = await ringOfFocused(page);
    const drawn = !ring.outline.startsWith('none') && !/ 0px /.test(ring.outline);
    expect(drawn || ring.shadow !== 'none', `${stop} shows a focus ring`).toBe(true);
  }
  await page.keyboard.press('Tab');
  expect(await ringAfterBlur(page), 'the last stop drops its ring').not.toEqual(ring);
  expect(await page.evaluate(() => document.activeElement === document.body), 'Tab after the last stop leaves the page').toBe(true);
}

test('home: the skip link comes first, and the call to action opens a session and then continues it', async ({ app, page }) => {
  await app.open('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The first stop in the page is the plan's call to action.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('study-action')).toBeFocused();
  await expect(page.getByTestId('study-action')).toHaveText('Start learning');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/study');
  await expect(app.heading).toHaveText('Study');

  // The study keys work at once, with nothing clicked first.
  await expect(page.getByRole('region', { name: 'Question' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
  await page.keyboard.press('4');
  await expect(page.getByTestId('done-count')).toHaveText('1');

  await tabTo(page, app.navLink('Home'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/');
  await expect(app.heading).toHaveText('Today');
  const action = page.getByTestId('study-action');
  await expect(action).toHaveText('Continue studying');
  await tabTo(page, action);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/study');
  await expect(page.getByRole('region', { name: 'Question' })).toBeVisible();
});

test('every navigation link is reached with Tab and followed with Enter', async ({ app, page }) => {
  await app.open('/');
  const pages = [
    ['Study', '/study', 'Study'],
    ['Quiz', '/quiz', 'Quizzes and exams'],
    ['Walkthroughs', '/walkthroughs', 'Walkthroughs'],
    ['Labs', '/labs', 'Labs'],
    ['Progress', '/progress', 'Your progress'],
    ['About', '/about', 'About KeyDeck'],
    ['Home', '/', 'Today'],
  ] as const;
  for (const [name, path, heading] of pages) {
    await tabTo(page, app.navLink(name));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(path);
    await expect(app.heading).toHaveText(heading);
    await expect(app.navLink(name)).toHaveAttribute('aria-current', 'page');
  }
});

test('the quiz setup is filled in and started from the keyboard', async ({ app, page }) => {
  await app.open('/quiz');
  // The mode is a radio group: one stop, the arrows choose.
  await tabTo(page, page.getByRole('radio', { name: /^Practice/ }));
  await expect(page.getByRole('radio', { name: /^Practice/ })).toBeChecked();
  await page.keyboard.press('Tab');
  const count = page.getByLabel('Questions');
  await expect(count).toBeFocused();
  await expect(count).toHaveValue('10');
  await page.keyboard.press('ArrowUp');
  await expect(count).toHaveValue('5');
  await page.keyboard.press('Tab');
  const first = page.getByRole('checkbox', { name: 'KMS basics' });
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await tabTo(page, page.getByLabel('Quiz code (optional)'));
  await page.keyboard.type('kbd1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/quiz\?/);
  const link = new URL(page.url()).searchParams;
  expect([link.get('mode'), link.get('n'), link.get('topics'), link.get('seed')]).toEqual(['practice', '5', 'kms-basics', 'kbd1']);
  await expect(app.heading).toHaveText('Practice quiz');
  await expect(page.locator('.question .card-meta')).toHaveText('Question 1 of 5');
});

test('a walkthrough is chosen from the list with Tab and Enter, and its arrow keys work at once', async ({ app, page }) => {
  await app.open('/walkthroughs');
  await tabTo(page, page.getByRole('link', { name: 'Copying an encrypted snapshot to another account' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/walkthroughs/snapshot-copy/1');
  await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
  await expect(page).toHaveURL('/walkthroughs/snapshot-copy/2');
});

test('a lab is opened from the list, its first task done by typing, and its console worked from the keyboard', async ({ app, page }) => {
  test.setTimeout(60_000);
  await app.open('/labs');
  await tabTo(page, page.getByRole('link', { name: 'Your first KMS key' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/labs/first-key');
  await expect(app.heading).toHaveText('Your first KMS key');
  const tasks = page.getByTestId('task');
  await expect(tasks.first().locator('summary').first()).toHaveText(/^\s*Create a KMS key\s*\(to do\)$/);

  // The terminal's line is a Tab stop like any other; what is typed runs on Enter.
  const input = page.getByTestId('terminal-input');
  await tabTo(page, input);
  await page.keyboard.type('aws kms create-key --description "Made by keyboard"');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal-output').locator('.term-cmd')).toHaveText(['$ aws kms create-key --description "Made by keyboard"']);
  await expect(tasks.first().locator('summary').first()).toHaveText(/^\s*✓\s*Create a KMS key\s*\(done\)$/);
  await expect(page.getByTestId('task-announcement')).toHaveText(/^Task done: Create a KMS key\. 1 of \d tasks done\.$/);
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');

  // The console's tabs: Enter opens one.
  const events = page.getByRole('tab', { name: 'Event history' });
  await tabTo(page, events);
  await expect(events).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Enter');
  await expect(events).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('console-events').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('console-events').locator('tbody tr')).toContainText('CreateKey');

  // Back to the keys; the new key's row opens its detail, whose button disables it.
  const keys = page.getByRole('tab', { name: 'Keys' });
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
  await expect(keys).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(keys).toHaveAttribute('aria-selected', 'true');
  const row = page.getByTestId('console-keys').getByRole('button');
  await tabTo(page, row);
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('key-detail');
  await expect(detail).toContainText('Made by keyboard');
  await expect(row).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, detail.getByRole('button', { name: 'Disable key' }));
  await page.keyboard.press('Enter');
  await expect(detail.locator('.facts')).toContainText(/Status\s*Disabled/);
  await expect(page.getByTestId('console-keys').locator('tbody tr')).toContainText('Disabled');
  // The button that replaced the one pressed keeps the focus.
  await expect(detail.getByRole('button', { name: 'Enable key' })).toBeFocused();
});

test('progress is exported, reset and imported again from the keyboard, and the reset question keeps and returns the focus', async ({ app, page }) => {
  // One review, made with the study keys.
  await app.open('/study');
  await expect(page.getByRole('region', { name: 'Question' })).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.getByTestId('done-count')).toHaveText('1');

  await tabTo(page, app.navLink('Progress'));
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Your progress');
  await expect(page.getByTestId('reviews-total')).toHaveText('1');

  // Export: Enter on the link downloads the file.
  const exportLink = page.getByRole('link', { name: 'Export progress' });
  await tabTo(page, exportLink);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^keydeck-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = await download.path();

  // The import button is the next stop; its box shows the focus ring.
  await page.keyboard.press('Tab');
  const importButton = page.locator('.your-data label.file-button');
  await expect(importButton).toHaveText('Import progress');
  await expect(importButton.locator('input[type=file]')).toBeFocused();
  expect(await importButton.evaluate((l) => getComputedStyle(l).outlineStyle)).not.toBe('none');
  // Then the import mode, a radio group: the arrows choose.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Merge with what is here')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Replace what is here')).toBeChecked();

  // Reset: Enter asks; the focus is on Cancel, inside the question; Escape keeps everything.
  const reset = page.getByRole('button', { name: 'Reset all progress…' });
  await page.keyboard.press('Tab');
  await expect(reset).toBeFocused();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('alertdialog', { name: 'Forget every review and start again?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(page.getByTestId('reviews-total')).toHaveText('1');
  // Space asks again; Shift+Tab reaches "Yes, reset" and Enter forgets.
  await page.keyboard.press('Space');
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(ask.getByRole('button', { name: 'Yes, reset' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'reset' })).toHaveText('Your progress was reset.');
  await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
  await expect(reset).toBeFocused();

  // Import the exported file: Shift+Tab back to the import button, Space opens the file chooser.
  // Waiting for the chooser turns on its interception, a message of its own
  // to the browser: started with the key press, a busy machine can show the
  // chooser before it arrives, and the event never comes. So start first.
  const chooserShown = page.waitForEvent('filechooser');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Replace what is here')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(importButton.locator('input[type=file]')).toBeFocused();
  await page.keyboard.press('Space');
  const chooser = await chooserShown;
  await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: await readFile(exported!) });
  await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toContainText('replaced your progress');
  await expect(page.getByTestId('reviews-total')).toHaveText('1');
});

test('a focus moved on before the reset question\'s close event stays where the learner put it', async ({ app, page }) => {
  await app.open('/progress');
  const reset = page.getByRole('button', { name: 'Reset all progress…' });
  await tabTo(page, reset);
  await page.keyboard.press('Enter');
  const ask = page.getByRole('alertdialog', { name: 'Forget every review and start again?' });
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // The dialog closes at once; its close event comes a task later. On a
  // busy phone the learner's next key can come in between.
  const order = await ask.evaluate(async (dialog: HTMLDialogElement) => {
    const closed = new Promise((done) => dialog.addEventListener('close', done, { once: true }));
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Yes, reset')!.click();
    for (let i = 0; i < 1000 && dialog.open; i++) await Promise.resolve();
    if (dialog.open) return 'the dialog was still open';
    const focusedOnClose = document.activeElement?.textContent;
    document.querySelector<HTMLInputElement>('input[name=import-mode]')!.focus();
    await closed;
    await new Promise((done) => setTimeout(done, 50));
    return `closed with the focus on ${focusedOnClose}`;
  });
  expect(order).toBe('closed with the focus on Reset all progress…');
  await expect(page.getByRole('status').filter({ hasText: 'reset' })).toHaveText('Your progress was reset.');
  await expect(page.getByLabel('Merge with what is here')).toBeFocused();
});

test('About: every link and control in order, each with its focus ring, and the theme switch works by Enter', async ({ app, page }, info) => {
  await app.open('/about');
  await expectTabOrder(page, frameStops(page, info));
  const theme = page.getByRole('button', { name: 'Switch to dark theme' });
  await tabTo(page, theme);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeFocused();
  expect(await app.theme()).toBe('dark');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeFocused();
  expect(await app.theme()).toBe('light');
});

test('the not-found page: every link in order, each with its focus ring, and Enter goes home', async ({ app, page }, info) => {
  await app.open('/no-such-page');
  await expect(app.heading).toHaveText('Page not found');
  const home = page.getByRole('link', { name: "Go to today's overview" });
  await expectTabOrder(page, [...frameStops(page, info), home]);
  await page.keyboard.press('Shift+Tab');
  await expect(home).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/');
  await expect(app.heading).toHaveText('Today');
});
