import { test, expect, policyViolations, watchPolicyViolations } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The Content-Security-Policy every page carries (index.html's meta tag,
 * copied into each prerendered page): no inline script but the theme
 * script, allowed by the hash the build computes; no inline style at all.
 */
const POLICY = [
  "default-src 'self'",
  /^script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='$/,
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

// Every violation the page reports, from the first byte of the document,
// and every refusal the browser logs.
test.beforeEach(async ({ page }) => {
  await watchPolicyViolations(page);
});

async function violations(page: Page, refused: string[]): Promise<string[]> {
  return [...(await policyViolations(page)), ...refused];
}

function refusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/.test(msg.text())) refused.push(msg.text());
  });
  return refused;
}

test('every page carries the strict policy, and the saved theme still paints before the app', async ({ app, page }) => {
  const refused = refusals(page);
  for (const path of ['/', '/study', '/walkthroughs/snapshot-copy/2', '/no-such-page']) {
    await page.goto(path);
    const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = content!.split(';').map((d) => d.trim()).filter(Boolean);
    expect(directives.length, path).toBe(POLICY.length);
    POLICY.forEach((want, i) => (typeof want === 'string' ? expect(directives[i], path).toBe(want) : expect(directives[i], path).toMatch(want)));
    expect(content, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  }
  // The inline theme script runs under the policy: a saved dark theme is
  // on the page before the app mounts.
  await app.open('/');
  await app.themeSwitch.click();
  const theme = await app.theme();
  await page.goto('/about');
  expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
  expect(await violations(page, refused)).toEqual([]);
});

test('no page breaks the policy as a learner uses it, the labs included', async ({ app, page }) => {
  const refused = refusals(page);
  const check = async (where: string) => expect(await violations(page, refused), where).toEqual([]);

  await app.open('/');
  await app.themeSwitch.click();
  await check('/');

  await app.open('/study');
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
  await page.keyboard.press('3');
  await check('/study');

  // This seed's first question is true or false.
  await app.open('/quiz?mode=practice&n=5&seed=tf26');
  await page.getByLabel('True').check();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await check('/quiz');

  await app.open('/walkthroughs/snapshot-copy/1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('p');
  await expect(page.locator('.player')).toHaveClass(/presenting/);
  await page.keyboard.press('Escape');
  await check('/walkthroughs');

  await page.goto('/labs/first-key?seed=7');
  await expect(page.getByTestId('tasks')).toBeVisible();
  const input = page.getByTestId('terminal-input');
  await input.fill('aws kms create-key --description csp');
  await input.press('Enter');
  await expect(page.getByTestId('terminal-output').locator('.term-stdout').last()).toContainText('KeyMetadata');
  await check('/labs/first-key');

  for (const path of ['/labs', '/progress', '/about', '/no-such-page']) {
    await app.open(path);
    await check(path);
  }
});
