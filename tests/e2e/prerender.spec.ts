import { test, expect } from './fixtures';

// These look at the rendered page before the app has replaced it.
test.use({ awaitApp: false });

// The build renders `/` into index.html and the other routes into pages of
// their own (xtask/src/prerender.rs), so a page paints before its code arrives. These hold the app's code back to
// see that page as a phone on a slow connection first does.

test('/ shows its page before the app has loaded, with nothing to click and no made-up counts', async ({ page }) => {
  await page.route(/\/keydeck_bg\.wasm$/, () => {});
  await page.goto('/');
  const boot = page.locator('#boot');
  await expect(boot.getByText('Flashcards today')).toBeVisible();
  await expect(boot.getByText('KMS basics')).toBeVisible();
  // What depends on the learner's progress waits for the app.
  await expect(boot.getByText(/Today's goal/)).toBeHidden();
  await expect(boot.getByText('Start learning')).toBeHidden();
  await expect(boot.locator('[data-topic] td').first()).toBeHidden();
  // Inert: a click or Tab reaches nothing in it.
  await boot.getByText('KMS basics').click({ force: true });
  await expect(page).toHaveURL(/\/$/);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test('a deep link shows its own page before the app has loaded, with the learner\'s card kept back', async ({ page }) => {
  await page.route(/\/keydeck_bg\.wasm$/, () => {});
  await page.goto('/study');
  await expect(page).toHaveTitle('Study · KeyDeck');
  const boot = page.locator('#boot');
  await expect(boot.locator('h1')).toHaveText('Study');
  await expect(boot.getByText('Review the cards that are due, then learn new ones.')).toBeVisible();
  // The card, the counts and the topic menu are the learner's: they wait,
  // the card's frame holding its place.
  await expect(boot.locator('.flashcard')).toBeVisible();
  await expect(boot.locator('.flashcard .card-meta').first()).toBeHidden();
  await expect(boot.getByText(/left today/)).toBeHidden();
  await expect(boot.locator('.study-toolbar select')).toBeHidden();
  // Laid out by the pages' styles, shared and its own, from the first paint.
  expect(await page.locator('link[data-style="pages"]').count()).toBe(1);
  expect(await page.locator('link[data-style="study"]').count()).toBe(1);
});

test('every step of a walkthrough has its own page, drawn before the app loads', async ({ page }) => {
  await page.route(/\/keydeck_bg\.wasm$/, () => {});
  await page.goto('/walkthroughs/snapshot-copy/3');
  const boot = page.locator('#boot');
  await expect(boot.getByText(/Step 3 of \d+/)).toBeVisible();
  await expect(boot.locator('svg').first()).toBeVisible();
});

test('a path the build did not render shows only the frame until its page is ready', async ({ page }) => {
  await page.route(/\/keydeck_bg\.wasm$/, () => {});
  await page.goto('/walkthroughs/snapshot-copy/99');
  const boot = page.locator('#boot');
  await expect(boot.getByText('KeyDeck', { exact: true }).first()).toBeVisible();
  await expect(boot.getByText('Flashcards today')).toBeHidden();
});

test('a rendered deep link becomes the live page: one of everything, the card shown, no second stylesheet', async ({ app, page }) => {
  await app.open('/study');
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('.flashcard')).toBeVisible();
  await expect(page.getByTestId('left-count')).toHaveText(/\d+/);
  expect(await page.locator('link[data-style="pages"]').count()).toBe(1);
  expect(await page.locator('link[data-style="study"]').count()).toBe(1);
  expect(app.errors).toEqual([]);
});

test('the app replaces the rendered page: one of everything, and it works', async ({ app, page }) => {
  await app.open('/');
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByTestId('today-summary')).toHaveText(/^Today's goal: \d+ cards · about \d+ minutes?\.$/);
  await app.navLink('Study').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('a deep link keeps its rendered page in view while its code arrives, then becomes the live page', async ({ page }) => {
  // The main module mounts; the quiz's own code (its pack and any chunk
  // too large to pack) is held back.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/(pack_[^/]*\.bin|chunk_[^/]*\.wasm)$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/quiz');
  // The app has mounted behind the rendered page...
  await expect(page.locator('#main')).toHaveCount(1);
  await page.waitForTimeout(500);
  // ...which still shows the quiz's setup, not an empty page.
  await expect(page.locator('#boot h1')).toHaveText('Quizzes and exams');
  await expect(page.locator('#boot').getByText('Practice: feedback after each question')).toBeVisible();
  await expect(page.locator('#main')).toBeHidden();
  expect(await page.locator('main:visible').count()).toBe(1);
  release();
  // The route draws, and the live page takes the rendered one's place.
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('#main')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Quizzes and exams' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  expect(await page.locator('main').count()).toBe(1);
});
