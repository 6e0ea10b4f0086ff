import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { basename } from 'node:path';

async function stored(page: Page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('keydeck.progress') ?? 'null'));
}

async function reviewOne(page: Page, grade = '4') {
  const done = Number(await page.getByTestId('done-count').textContent());
  await page.keyboard.press('Space');
  await page.keyboard.press(grade);
  await expect(page.getByTestId('done-count')).toHaveText(String(done + 1));
}

test('corrupt saved progress is kept under a backup key and offered for download', async ({ page }) => {
  // Wait for the app to have read storage, so that it cannot read (and back
  // up) the damaged text before the reload does.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('keydeck.progress', '{"schema": 2, "cards": {oops'));
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(banner).toBeVisible();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('keydeck.progress.unreadable.')).map((k) => localStorage.getItem(k)),
  );
  expect(backups).toEqual(['{"schema": 2, "cards": {oops']);
  const link = banner.getByRole('link', { name: 'Download the damaged data' });
  await expect(link).toHaveAttribute('download', /^keydeck-damaged-progress-\d+\.json$/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const text = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toBe('{"schema": 2, "cards": {oops');

  // Studying again starts afresh and never touches the backup.
  await page.goto('/study');
  await reviewOne(page);
  await page.evaluate(() => localStorage.setItem('keydeck.progress', 'still broken'));
  await page.reload();
  await expect(banner).toBeVisible();
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('keydeck.progress.unreadable.')).length);
  expect(after).toBe(2);
});

test('two tabs reviewing different cards keep both reviews', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/study?topic=kms-basics');
  await b.goto('/study?topic=acm');
  await expect(a.getByRole('region', { name: 'Question' })).toBeVisible();
  await expect(b.getByRole('region', { name: 'Question' })).toBeVisible();
  await reviewOne(a);
  await reviewOne(b);
  await reviewOne(a);
  // Each tab writes through its own view of storage; they agree within moments.
  await expect.poll(async () => (await stored(a)).reviews.length).toBe(3);
  await expect.poll(async () => (await stored(b)).reviews.length).toBe(3);
  const progress = await stored(a);
  const topics = new Set(progress.reviews.map((r: { card: string }) => r.card.startsWith('acm') ? 'acm' : 'kms'));
  expect([...topics].sort()).toEqual(['acm', 'kms']);
  // Tab B saw tab A's reviews arrive.
  await b.goto('/');
  await expect(b.locator('.today-left')).toContainText('17 new');
});

test('export, then import into a fresh browser, restores the same counts', async ({ page, browser }) => {
  await page.goto('/study');
  for (let i = 0; i < 3; i++) await reviewOne(page, i === 0 ? '1' : '3');
  await page.goto('/');
  const summary = await page.getByTestId('today-summary').textContent();
  const topicCounts = await page.locator('.topic-counts').textContent();

  await page.goto('/progress');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export progress' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^keydeck-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await fresh.newPage();
  await other.goto('/progress');
  await other.getByLabel('Replace what is here').check();
  await other.locator('.your-data input[type=file]').setInputFiles(file!);
  await expect(other.getByRole('status')).toContainText(`${basename(file!)} replaced your progress.`);
  // The page opened with no reviews; the charts come with the import.
  await expect(other.getByTestId('reviews-total')).toHaveText('3');
  await expect(other.getByRole('heading', { name: 'No reviews yet' })).toBeHidden();
  await other.goto('/');
  await expect(other.getByTestId('today-summary')).toHaveText(summary!);
  await expect(other.locator('.topic-counts')).toHaveText(topicCounts!);
  await fresh.close();
});

test('importing a wrong file or a newer format explains itself and changes nothing', async ({ page }) => {
  await page.goto('/progress');
  const input = page.locator('.your-data input[type=file]');
  await input.setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByRole('alert')).toHaveText('photo.json was not imported: this is not KeyDeck progress data (it has no schema version).');
  await input.setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": 99, "cards": {}}') });
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of KeyDeck (format 99');
  expect(await stored(page)).toBeNull();
});

test('a full storage says so and keeps the last good copy', async ({ page }) => {
  await page.goto('/study');
  await reviewOne(page);
  const before = await stored(page);
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'keydeck.progress') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await reviewOne(page);
  await expect(page.getByRole('alert')).toContainText("storage for KeyDeck is full, so the latest change was not saved");
  expect(await stored(page)).toEqual(before);
});

test('with storage turned off the app runs in memory and says so', async ({ app, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await app.open('/study');
  await expect(page.getByRole('alert')).toContainText('Nothing can be saved in this browser.');
  await reviewOne(page);
  await expect(page.getByTestId('last-answer')).toContainText('Easy');
});

test('reset asks first, and only then forgets', async ({ page }) => {
  await page.goto('/study');
  await reviewOne(page);
  await page.goto('/progress');
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect((await stored(page)).reviews).toHaveLength(1);
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Forget every review and start again?' });
  await expect(ask).toBeVisible();
  // Escape keeps everything, and gives the focus back to the button.
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reset all progress…' })).toBeFocused();
  expect((await stored(page)).reviews).toHaveLength(1);
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByRole('status')).toHaveText('Your progress was reset.');
  expect((await stored(page)).reviews).toHaveLength(0);
});

test('persistent storage is requested after the first review', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__persistCalls = 0;
    const original = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      (window as any).__persistCalls++;
      return original();
    };
  });
  await page.goto('/study');
  expect(await page.evaluate(() => (window as any).__persistCalls)).toBe(0);
  await reviewOne(page);
  expect(await page.evaluate(() => (window as any).__persistCalls)).toBe(1);
});
