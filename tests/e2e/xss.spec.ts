import { test, expect, DecksPanel, policyViolations, seedImportedDeck, watchPolicyViolations } from './fixtures';
import type { Locator, Page } from '@playwright/test';
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

/**
 * Whatever markup a vector could have become anywhere in `scope`: an element
 * it brings, an event handler, a link or source that is not https, a path
 * or a fragment (the export links' data: files of text excepted), and an
 * attribute that calls `__xss`.
 */
function hostileMarkup(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const found: string[] = [];
    const safeUrl = /^(https:\/\/|\/(?!\/)|#|data:(text\/markdown|text\/plain|text\/csv|application\/json);)/;
    const urlAttributes = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background'];
    const brought = 'script, img, iframe, frame, object, embed, base, meta, link, style, math, animate, set, svg a, svg script, input[autofocus]';
    for (const el of root.querySelectorAll(brought)) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const el of [root, ...root.querySelectorAll('*')]) {
      for (const a of el.attributes) {
        const tag = `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 80)}">`;
        if (/^on/i.test(a.name)) found.push(tag);
        else if (urlAttributes.includes(a.name)) {
          if (!safeUrl.test(a.value.trim())) found.push(tag);
        } else if (/__xss|javascript:/i.test(a.value) && a.name !== 'title' && !a.name.startsWith('aria-')) found.push(tag);
      }
    }
    return found;
  });
}

/** Opens `path` and expects it to have stayed there, with nothing run and no markup from a vector. */
async function expectInertAt(page: Page, path: string, dialogs: string[]) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname, `${path}: navigation`).toBe(path);
  expect(await hostileMarkup(page.locator('body')), `${path}: markup from a vector`).toEqual([]);
  await expectNothingRan(page, dialogs, path);
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

/**
 * A deck of one card per vector, each carried in the card's tags. KeyDeck
 * shows tags nowhere yet (the preview, the card, progress and home show a
 * card's sides and its topic); whichever of them comes to show tags must
 * show them as text, and these tests look at every one of them.
 */
function taggedDeck(vectors: Vector[]): string {
  let deck = '# Hostile tags\n';
  vectors.forEach((v, i) => {
    deck += `\n## tag-vector-${i}\nkind: basic\ntags: seed, ${v.markdown}\nsource: https://docs.aws.amazon.com/kms/latest/developerguide/overview.html\n\n### Front\nTagged question ${i}\n\n### Back\nTagged answer ${i}\n`;
  });
  return deck;
}

test('every vector in the tags of an imported deck stays text: the preview, each card, progress and home run nothing', async ({ app, page }) => {
  test.setTimeout(180_000);
  const dialogs = await watch(page);
  await page.addInitScript(() => {
    if (!localStorage.getItem('keydeck.progress')) {
      localStorage.setItem('keydeck.progress', JSON.stringify({ schema: 2, cards: {}, reviews: [], settings: { new_per_day: 100 } }));
    }
  });
  // A tag is one field line: a vector over several lines cannot be one (below).
  const oneLine = VECTORS.filter((v) => !v.markdown.includes('\n'));
  const decks = new DecksPanel(page);
  await decks.open();
  await decks.chooseFile('hostile-tags.md', taggedDeck(oneLine));
  await expect(decks.preview).toContainText(`${oneLine.length} cards to import.`);
  await expect(decks.problems).toHaveCount(0);
  await expect(decks.previewCards.first()).toContainText('Tagged question 0');
  expect(await hostileMarkup(decks.preview), 'the preview').toEqual([]);
  await decks.save();
  expect(new URL(page.url()).pathname).toBe('/study');
  await expectNothingRan(page, dialogs, 'import preview');

  await app.open('/study?topic=hostile-tags');
  const url = page.url();
  const card = page.locator('.flashcard');
  for (let i = 0; i < oneLine.length; i++) {
    await expect(page.getByRole('region', { name: 'Question' })).toContainText('Tagged question');
    await page.keyboard.press('Space');
    await expect(page.getByRole('region', { name: 'Answer' })).toContainText('Tagged answer');
    expect(await hostileMarkup(card), `card ${i + 1}`).toEqual([]);
    await page.keyboard.press('4');
  }
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  expect(page.url()).toBe(url);
  expect(await hostileMarkup(page.locator('body')), 'study').toEqual([]);
  await expectNothingRan(page, dialogs, 'study');

  await expectInertAt(page, '/progress', dialogs);
  await expect(page.getByTestId('reviews-total')).toHaveText(String(oneLine.length));
  await expect(page.locator('.mastery li').filter({ hasText: 'Hostile tags' })).toContainText(`${oneLine.length} of ${oneLine.length} cards studied`);
  await expectInertAt(page, '/', dialogs);
});

test('a vector over several lines cannot be a tag: the deck is refused with its problem shown as text', async ({ page }) => {
  const dialogs = await watch(page);
  const decks = new DecksPanel(page);
  await decks.open();
  for (const v of VECTORS.filter((v) => v.markdown.includes('\n'))) {
    const second = v.markdown.split('\n').filter((l) => l.trim())[1];
    await decks.chooseFile('refused-tags.md', taggedDeck([v]));
    await expect(decks.preview).toContainText('Nothing to save: no card could be imported.');
    await expect(decks.saveButton).toHaveCount(0);
    // The lines after the first are read as fields of their own, and refused.
    const field = second.slice(0, second.indexOf(':'));
    await expect(decks.problems, v.name).toHaveText([`Error refused-tags.md:7: unknown field "${field}" (expected kind, tags, seed, source or walkthrough)`]);
    expect(await hostileMarkup(decks.preview), v.name).toEqual([]);
  }
  expect(await page.evaluate(() => localStorage.getItem('keydeck.decks.imported'))).toBeNull();
  await expectNothingRan(page, dialogs, 'refused tags');
});

/** Schema 2 progress in which every card id is a vector: its memory, its review today and a missed quiz question. */
function hostileProgress(): string {
  const at = new Date().toISOString();
  const memory = { due: at, stability: 2.3, difficulty: 5.1, elapsed_days: 0, scheduled_days: 0, reps: 1, lapses: 0, state: 'Learning', last_review: at };
  const progress = {
    schema: 2,
    cards: {} as Record<string, typeof memory>,
    reviews: [] as object[],
    settings: { desired_retention: 0.9, new_per_day: 20, reviews_per_day: 200, rollover_hour: 4 },
    missed: {} as Record<string, string>,
  };
  for (const v of VECTORS) {
    progress.cards[v.markdown] = memory;
    progress.reviews.push({ card: v.markdown, grade: 'Good', at, was_new: true, state_before: 'New', interval_secs: 600 });
    progress.missed[v.markdown] = at;
  }
  return JSON.stringify(progress);
}

test('a progress file whose card ids are the vectors is imported, and progress, study and home run nothing', async ({ app, page }) => {
  const dialogs = await watch(page);
  await app.open('/progress');
  await page.locator('.your-data input[type=file]').setInputFiles({ name: 'hostile-progress.json', mimeType: 'application/json', buffer: Buffer.from(hostileProgress()) });
  await expect(page.getByRole('status').filter({ hasText: 'hostile-progress.json' })).toHaveText('hostile-progress.json was merged into your progress.');
  await expect(page.getByTestId('reviews-total')).toHaveText(String(VECTORS.length));
  expect(await hostileMarkup(page.locator('body')), 'after the import').toEqual([]);
  await expectNothingRan(page, dialogs, 'progress import');
  await expectInertAt(page, '/progress', dialogs);
  await expect(page.getByTestId('reviews-today')).toHaveText(String(VECTORS.length));
  await expectInertAt(page, '/study', dialogs);
  await expectInertAt(page, '/', dialogs);
  await expect(page.getByTestId('today-summary')).toContainText(`${VECTORS.length} cards answered`);
});
