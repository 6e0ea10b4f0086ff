import { test, expect, ROUTES } from './fixtures';
import { sampleHistory } from './support/history';

test.describe('at 360×640 on a touch screen', () => {
  test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

  test('the dashboard with weeks of history fits the width', async ({ app, page }) => {
    await page.addInitScript((h) => localStorage.setItem('keydeck.progress', h), sampleHistory(28));
    await app.open('/progress');
    await expect(page.getByRole('table', { name: 'True retention by period' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  for (const route of ROUTES) {
    test(`${route.path} fits the width and keeps every tab in reach`, async ({ app, page }) => {
      await app.open(route.path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      for (const name of ['Home', 'Study', 'Quiz', 'Walkthroughs', 'Labs']) {
        const box = await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x + box!.width, `${name} is on screen`).toBeLessThanOrEqual(360.5);
        expect(box!.height, `${name} is a comfortable touch target`).toBeGreaterThanOrEqual(44);
      }
    });
  }
});
