import { test, expect } from './fixtures';

// The build renders `/` into index.html (xtask/src/prerender.rs), so the
// page paints before its code arrives. These hold the app's code back to
// see that page as a phone on a slow connection first does.

test('/ shows its page before the app has loaded, with nothing to click and no made-up counts', async ({ page }) => {
  await page.route(/\/keydeck_bg\.wasm$/, () => {});
  await page.goto('/');
  const boot = page.locator('#boot');
  await expect(boot.getByText('Flashcards due today')).toBeVisible();
  await expect(boot.getByText('KMS basics')).toBeVisible();
  // What depends on the learner's progress waits for the app.
  await expect(boot.getByText(/new cards? to learn today/)).toBeHidden();
  await expect(boot.getByText(/\d+ new$/).first()).toBeHidden();
  // Inert: a click or Tab reaches nothing in it.
  await boot.getByText('KMS basics').click({ force: true });
  await expect(page).toHaveURL(/\/$/);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test('a deep link shows only the frame until its page is ready', async ({ page }) => {
  await page.route(/\/keydeck_bg\.wasm$/, () => {});
  await page.goto('/study');
  const boot = page.locator('#boot');
  await expect(boot.getByText('KeyDeck', { exact: true }).first()).toBeVisible();
  await expect(boot.getByText('Flashcards due today')).toBeHidden();
});

test('the app replaces the rendered page: one of everything, and it works', async ({ app, page }) => {
  await app.open('/');
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByTestId('today-summary')).toHaveText(/\d+ new cards? to learn today/);
  await app.navLink('Study').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  expect(app.errors).toEqual([]);
});
