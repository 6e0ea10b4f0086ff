import { test, expect, policyViolations, seedImportedDeck, watchPolicyViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The hostile-input corpus, shared with crates/study/tests/xss_corpus.rs:
 * every vector calls `__xss(name)` if it ever runs.
 */
type Vector = { name: string; kind: string; markdown: string };
const VECTORS: Vector[] = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'xss-vectors.json'), 'utf8'));

// pulldown-cmark ends a raw <script> block only at a lower-case </script>,
// so this one runs on over the sections after it and the deck is refused
// (crates/study/tests/xss_corpus.rs). It is fed through the other ways in.
const REFUSED_IN_A_DECK = new Set(['script-src-upper']);

/** What a hostile input could do, watched from the first byte of each page. */
async function watch(page: Page) {
  await watchPolicyViolations(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __ran: string[]; __xss: (name: string) => void };
    w.__ran = [];
    w.__xss = (name: string) => w.__ran.push(name);
    for (const f of ['alert', 'confirm', 'prompt'] as const) {
      (window as unknown as Record<string, unknown>)[f] = () => w.__ran.push(f);
    }
  });
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return dialogs;
}

async function expectNothingRan(page: Page, dialogs: string[], where: string) {
  const ran = await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran);
  expect(ran, `${where}: script ran`).toEqual([]);
  expect(await policyViolations(page), `${where}: policy violations`).toEqual([]);
  expect(dialogs, `${where}: dialogs`).toEqual([]);
}

function hostileDeck(): string {
  let deck = '# Hostile deck\n';
  VECTORS.filter((v) => !REFUSED_IN_A_DECK.has(v.name)).forEach((v, i) => {
    deck += `\n## vector-${i}\nkind: basic\nsource: https://docs.aws.amazon.com/kms/latest/developerguide/overview.html\n\n### Front\n${v.markdown}\n\n### Back\n${v.markdown}\n\n### Note\n${v.markdown}\n`;
  });
  return deck;
}

test('every vector on the front, back and note of an imported card runs nothing', async ({ app, page }) => {
  test.setTimeout(120_000);
  expect(VECTORS.length).toBeGreaterThanOrEqual(30);
  const dialogs = await watch(page);
  await seedImportedDeck(page, 'hostile.md', hostileDeck());
  // Every card in one sitting: no daily limit on new cards.
  await page.addInitScript(() => {
    if (!localStorage.getItem('keydeck.progress')) {
      localStorage.setItem('keydeck.progress', JSON.stringify({ schema: 1, cards: {}, reviews: [], settings: { new_per_day: 100 } }));
    }
  });
  await app.open('/study?topic=hostile');
  const cards = VECTORS.length - REFUSED_IN_A_DECK.size;
  const url = page.url();
  for (let i = 0; i < cards; i++) {
    const question = page.getByRole('region', { name: 'Question' });
    await expect(question).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
    const card = page.locator('.flashcard');
    await expect(card.locator('script, img, svg, iframe, object, embed, form, input, style, math, details, base, meta')).toHaveCount(0);
    await expect(card.locator('[onerror], [onload], [onclick], [onfocus], [ontoggle], [style]')).toHaveCount(0);
    await expect(card.locator('a[href]:not([href^="https://"])')).toHaveCount(0);
    // Easy: the card is not due again in this sitting.
    await page.keyboard.press('4');
  }
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  expect(page.url()).toBe(url);
  await expectNothingRan(page, dialogs, 'study');
});

test('every vector in a deep link is shown, if at all, as text', async ({ app, page }, info) => {
  test.skip(info.project.name !== 'desktop', 'the links are the same on a phone');
  test.setTimeout(240_000);
  const dialogs = await watch(page);
  for (const v of VECTORS) {
    const value = encodeURIComponent(v.markdown);
    for (const path of [`/study?topic=${value}`, `/quiz?mode=practice&n=5&topics=${value}&seed=${value}`]) {
      await app.open(path);
      expect(new URL(page.url()).pathname, `${v.name}: ${path}`).toBe(new URL(path, page.url()).pathname);
      await expectNothingRan(page, dialogs, `${v.name}: ${path}`);
    }
  }
});

test('every vector as a progress file name is named as text, and nothing is imported', async ({ page }) => {
  const dialogs = await watch(page);
  await page.goto('/progress');
  const input = page.locator('.your-data input[type=file]');
  for (const v of VECTORS.filter((v) => !v.markdown.includes('\n'))) {
    const name = `${v.markdown.replaceAll('/', '_')}.json`;
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(`{"hello": ${JSON.stringify(v.markdown)}}`) });
    await expect(page.getByRole('alert')).toContainText('was not imported: this is not KeyDeck progress data');
    await expect(page.getByRole('alert').locator('script, img, svg, iframe, a')).toHaveCount(0);
  }
  expect(await page.evaluate(() => localStorage.getItem('keydeck.progress'))).toBeNull();
  await expectNothingRan(page, dialogs, 'progress import');
});

test('every vector typed into a lab terminal, and used as a file name, comes back as text', async ({ page }) => {
  test.setTimeout(180_000);
  const dialogs = await watch(page);
  await page.goto('/labs/first-key?seed=7');
  const input = page.getByTestId('terminal-input');
  const output = page.getByTestId('terminal-output');
  await expect(page.getByTestId('tasks')).toBeVisible();
  const single = VECTORS.filter((v) => !v.markdown.includes('\n'));
  for (const v of single) {
    const before = await output.locator('.term-cmd').count();
    // Single quotes keep the shell from reading the vector; its own single
    // quotes are closed and reopened around an escaped one.
    const quoted = `'${v.markdown.replaceAll("'", "'\\''")}'`;
    const file = quoted.replaceAll('/', '_');
    for (const line of [`echo ${quoted} > ${file}`, `cat ${file}`, `echo ${quoted}`]) {
      const count = await output.locator('.term-cmd').count();
      await input.fill(line);
      await input.press('Enter');
      await expect(output.locator('.term-cmd')).toHaveCount(count + 1);
      await expect(output.locator('.term-busy')).toHaveCount(0);
    }
    expect(await output.locator('.term-cmd').count()).toBe(before + 3);
  }
  await expect(output.locator('script, img, svg, iframe, object, embed, a[href^="javascript" i]')).toHaveCount(0);
  await expect(output).toContainText("<script>__xss('script-tag')</script>");
  await expectNothingRan(page, dialogs, 'lab terminal');
});
