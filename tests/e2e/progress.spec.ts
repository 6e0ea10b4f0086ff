import { test, expect } from './fixtures';
import { sampleHistory } from './support/history';

let history: string;
test.beforeAll(() => {
  history = sampleHistory(28);
});

test('with no reviews the dashboard invites a first session', async ({ app, page }) => {
  await app.open('/progress');
  await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Study your first cards' })).toHaveAttribute('href', '/study');
});

test('four weeks of history fill every chart, each with a text alternative', async ({ app, page }) => {
  await page.addInitScript((h) => localStorage.setItem('keydeck.progress', h), history);
  await app.open('/progress');
  const reviews = JSON.parse(history).reviews.length;
  await expect(page.getByTestId('reviews-total')).toHaveText(String(reviews));

  const calendar = page.getByRole('img', { name: /^Reviews over the last 365 days/ });
  await expect(calendar).toBeVisible();
  await expect(calendar.locator('rect.heat')).toHaveCount(365);
  await expect(calendar).toHaveAttribute('aria-label', new RegExp(`${reviews} reviews on \\d+ days`));
  expect(await calendar.locator('rect.heat:not(.heat-0)').count()).toBeGreaterThan(10);

  const forecast = page.getByRole('img', { name: /cards fall due in the next 30 days/ });
  await expect(forecast.locator('rect.bar')).toHaveCount(30);
  await page.getByText('Show the forecast as a table').click();
  await expect(page.locator('.chart-table tbody tr')).toHaveCount(30);

  const retention = page.getByRole('table', { name: 'True retention by period' });
  await expect(retention.locator('tbody tr')).toHaveCount(6);
  await expect(retention.locator('tbody tr').last()).toContainText(/All time.*\d+\.\d%/);

  await expect(page.locator('.mastery li')).toHaveCount(16);
  await expect(page.locator('.mastery li[data-topic="kms-basics"] .mastery-text')).toContainText(/\d+ of \d+ cards studied/);
  await expect(page.getByTestId('streak')).toHaveText(/^\d+ days?$/);
});

test('a review made now shows up on the dashboard', async ({ page }) => {
  await page.goto('/study');
  await expect(page.getByRole('region', { name: 'Question' })).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.getByTestId('done-count')).toHaveText('1');
  await page.goto('/progress');
  await expect(page.getByTestId('reviews-today')).toHaveText('1');
  await expect(page.getByTestId('streak')).toHaveText('1 day');
});
