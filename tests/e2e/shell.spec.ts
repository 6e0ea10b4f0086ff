import { test, expect, ROUTES, tabTo } from './fixtures';

test.describe('every route', () => {
  for (const route of ROUTES) {
    test(`${route.path} renders its heading and title without errors`, async ({ app, page }) => {
      await app.open(route.path);
      await expect(app.heading).toHaveText(route.heading);
      await expect(page).toHaveTitle(route.title);
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`${route.path} has no WCAG A/AA violations in the ${scheme} theme`, async ({ app, page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await app.open(route.path);
        expect(await app.accessibilityViolations()).toEqual([]);
      });
    }
  }
});

test('an unknown path shows the not-found page', async ({ app, page }) => {
  await app.open('/no-such-page');
  await expect(app.heading).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found · KeyDeck');
  await expect(page.getByText('/no-such-page')).toBeVisible();
  await page.getByRole('link', { name: "Go to today's overview" }).click();
  await expect(app.heading).toHaveText('Today');
});

test('navigation links lead to each page and mark the current one', async ({ app, page }) => {
  await app.open('/');
  for (const route of ROUTES.slice(1)) {
    const name = route.title.replace(' · KeyDeck', '');
    await app.navLink(name).click();
    await expect(page).toHaveURL(route.path);
    await expect(app.heading).toHaveText(route.heading);
    await expect(app.navLink(name)).toHaveAttribute('aria-current', 'page');
  }
  await app.navLink('Home').click();
  await expect(app.heading).toHaveText('Today');
});

test('a walkthrough step and a lab mark their section in the navigation, and Home only on /', async ({ app, page }) => {
  for (const [path, section] of [
    ['/walkthroughs/snapshot-copy/2', 'Walkthroughs'],
    ['/labs/first-key', 'Labs'],
  ] as const) {
    await app.open(path);
    await expect(app.navLink(section)).toHaveAttribute('aria-current', 'page');
    await expect(app.navLink('Home')).not.toHaveAttribute('aria-current', 'page');
  }
});

test('the keyboard alone reaches and follows a navigation link', async ({ app, page }) => {
  await app.open('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await tabTo(page, app.navLink('Quiz'), 12);
  await expect(app.navLink('Quiz')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/quiz');
  await expect(app.heading).toHaveText('Quizzes and exams');
});

test('the skip link moves focus past the navigation', async ({ app, page }) => {
  await app.open('/about');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/\/about/);
});

test('the theme choice survives a reload', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open('/');
  expect(await app.theme()).toBeNull();
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  expect(await app.theme()).toBe('dark');
  await page.reload();
  await expect(app.heading).toBeVisible();
  expect(await app.theme()).toBe('dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);

  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.reload();
  await expect(app.heading).toBeVisible();
  expect(await app.theme()).toBe('light');
});

test('the system dark preference applies when nothing is saved', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open('/');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});
