import { test, expect } from './fixtures';
import { SiteServer } from './support/server';
import type { Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One browser, one worker registration at a time: these run in order.
test.describe.configure({ mode: 'serial' });

let site: SiteServer;
test.beforeEach(async () => {
  site = await SiteServer.start();
});
test.afterEach(async () => {
  await site.stop();
});

/** Waits until the service worker has installed and controls the page. */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after the first visit the app and its deep links work offline', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await controlled(page);
  await site.stop();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.goto(`${site.url}/study?topic=acm`);
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Question' })).toContainText('AWS Certificate Manager');
});

test('a later visit loads the routes\' code from the worker\'s cache while idle: opening one then fetches no code', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const code = () => fetched.filter((p) => /\/(warm\.js|[a-z_0-9]+\.(wasm|bin))$/.test(p) && !p.endsWith('/keydeck_bg.wasm'));
  await page.goto(`${site.url}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await controlled(page);
  // The visit the worker installed in loads only its route's code, nothing
  // ahead: its install is what fetches the build.
  await page.waitForTimeout(1000);
  expect(code().map((p) => p.split('/').pop())).toEqual(['pack_home.bin']);
  await site.stop();

  const warmed = page.waitForResponse((r) => /\/pack_about\.bin$/.test(new URL(r.url()).pathname));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await warmed;
  const ahead = code().map((p) => p.split('/').pop());
  for (const route of ['study', 'quiz', 'walkthroughs', 'labs', 'lab', 'progress', 'about']) {
    expect(ahead).toContain(`pack_${route}.bin`);
  }
  expect(ahead).not.toContain('pack_quiz_run.bin');

  fetched.length = 0;
  await page.getByRole('navigation').getByRole('link', { name: 'Study', exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Question' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Walkthroughs', exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthroughs' })).toBeVisible();
  expect(code()).toEqual([]);
});

test('offline, a deep link is answered with the page the build rendered for it', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await controlled(page);
  await site.stop();

  const response = await page.goto(`${site.url}/walkthroughs/snapshot-copy/2`);
  expect(await response?.text()).toContain('data-prerendered="/walkthroughs/snapshot-copy/2"');
  await expect(page.getByTestId('step-count')).toHaveText(/Step 2 of \d+/);
  // A path the build did not render: the app's own page, which draws it.
  const other = await page.goto(`${site.url}/walkthroughs/snapshot-copy`);
  expect(await other?.text()).toContain('data-prerendered="/"');
  await expect(page.getByTestId('step-count')).toHaveText(/Step 1 of \d+/);
});

test('a review done offline survives a reload', async ({ page }) => {
  await page.goto(`${site.url}/study`);
  await controlled(page);
  await site.stop();
  await page.reload();
  const left = Number(await page.getByTestId('left-count').textContent());
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(page.getByTestId('done-count')).toHaveText('1');
  await page.reload();
  await expect(page.getByTestId('left-count')).toHaveText(String(left - 1));
});

test('a new build shows an update prompt, and accepting it loads the new version', async ({ page }) => {
  await page.goto(`${site.url}/about`);
  const first = await page.getByTestId('build').textContent();
  expect(first).toMatch(/^Build [0-9a-f]{12}$/);
  await controlled(page);
  await expect(page.getByText('Update available')).toBeHidden();

  await site.publishNewBuild('0123456789ab');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
  // The new worker first caches every file of its build, some 240 of them.
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  await prompt.getByRole('button', { name: 'Update now' }).click();
  await expect(page.getByTestId('build')).toHaveText('Build 0123456789ab');
  const caches = await page.evaluate(() => window.caches.keys());
  expect(caches).toEqual(['keydeck-0123456789ab']);
  await expect(page.getByText('Update available')).toBeHidden();
});

test('Chromium finds the app installable', async ({ playwright, launchOptions }) => {
  // Installability is never granted in an incognito-like context: use a real profile.
  const profile = await mkdtemp(join(tmpdir(), 'keydeck-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${site.url}/`);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  await context.close();
});
