import { test, expect, expectFocusKeptIn, seedImportedDeck } from './fixtures';
import type { Page } from '@playwright/test';

/** The study page as a learner drives it. */
class StudyPage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/study${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  }

  get question() {
    return this.page.getByRole('region', { name: 'Question' });
  }

  get answer() {
    return this.page.getByRole('region', { name: 'Answer' });
  }

  async left(): Promise<number> {
    return Number(await this.page.getByTestId('left-count').textContent());
  }

  async done(): Promise<number> {
    return Number(await this.page.getByTestId('done-count').textContent());
  }

  async promptText(): Promise<string> {
    return (await this.question.locator('.md').textContent()) ?? '';
  }
}

test('five cards reviewed by keyboard are no longer due after a reload', async ({ app, page }) => {
  const study = new StudyPage(page);
  await study.open();
  const before = await study.left();
  expect(before).toBeGreaterThanOrEqual(5);
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    seen.push(await study.promptText());
    await page.keyboard.press('Space');
    await expect(study.answer.locator('.md').last()).toBeVisible();
    await page.keyboard.press('4'); // Easy: due again in days, not minutes
    await expect(study.page.getByTestId('done-count')).toHaveText(String(i + 1));
  }
  expect(new Set(seen).size).toBe(5);
  expect(await study.left()).toBe(before - 5);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  expect(await study.left()).toBe(before - 5);
  expect(seen).not.toContain(await study.promptText());

  await app.open('/');
  await expect(page.locator('.today-left')).toContainText(`${before - 5} new`);
});

test('the counts by kind agree with the topic menu after every one of ten answers', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open();
  const count = async (kind: string) => Number(await page.locator(`.session-kinds .count-${kind} strong`).textContent());
  const grades = ['1', '3', '1', '4', '3', '2', '1', '3', '4', '3'];
  for (const [i, key] of grades.entries()) {
    await page.keyboard.press('Space');
    await expect(study.answer.locator('.md').last()).toBeVisible();
    await page.keyboard.press(key);
    await expect(page.getByTestId('done-count')).toHaveText(String(i + 1));
    const [n, l, r] = [await count('new'), await count('learning'), await count('review')];
    expect(await study.left()).toBe(n + l + r);
    const named = [[n, 'new'], [l, 'learning'], [r, 'review']].filter(([c]) => c !== 0).map(([c, k]) => `${c} ${k}`);
    await expect(page.getByLabel('Topic').locator('option:checked')).toHaveText(`All topics (${named.join(', ')})`);
  }
  // Three Agains are in their learning steps; the card shows which count it is from.
  expect(await count('learning')).toBeGreaterThan(0);
  await expect(study.question.getByTestId('queued')).toHaveText(/^(New|Learning|Review)$/);
});

test('home asks a first-time learner to start, then shows the goal, the streak and, after a break, what came due', async ({ app, page }) => {
  const start = new Date();
  await page.clock.setSystemTime(start);
  await app.open('/');
  await expect(page.getByTestId('study-action')).toHaveText('Start learning');
  await expect(page.getByTestId('today-summary')).toHaveText("Today's goal: 20 cards · about 5 minutes.");
  await expect(page.getByTestId('today-streak')).toBeHidden();
  await expect(page.getByRole('progressbar', { name: "Today's goal" })).toHaveCount(0);

  const study = new StudyPage(page);
  await study.open();
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Space');
    await expect(study.answer.locator('.md').last()).toBeVisible();
    await page.keyboard.press('4');
    await expect(page.getByTestId('done-count')).toHaveText(String(i + 1));
  }
  await app.open('/');
  await expect(page.getByTestId('study-action')).toHaveText('Continue studying');
  await expect(page.getByTestId('today-summary')).toHaveText("Today's goal: 2 of 20 cards done · 18 left, about 5 minutes.");
  await expect(page.getByRole('progressbar', { name: "Today's goal" })).toHaveAttribute('aria-valuenow', '10');
  await expect(page.getByTestId('today-streak')).toHaveText('1-day streak.');
  await expect(page.getByTestId('today-away')).toBeHidden();

  // Three weeks later both Easy cards have come due, and the streak is gone.
  await page.clock.setSystemTime(new Date(start.getTime() + 21 * 24 * 3600 * 1000));
  await page.reload();
  await expect(page.getByTestId('today-away')).toHaveText('Since you last studied 21 days ago, 2 cards came due.');
  await expect(page.locator('.today-left')).toHaveText('20 new · 0 learning · 2 review');
  await expect(page.locator('tr[data-topic="kms-basics"] td')).toHaveText(['13', '0', '2']);
  await expect(page.getByTestId('today-streak')).toHaveText('No streak yet: answer a card to start one.');
});

test('a revealed answer is scrolled out from under the grade bar, its start still in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const study = new StudyPage(page);
  await study.open();
  await page.keyboard.press('Space');
  const answer = page.locator('.flashcard .card-answer');
  await expect(answer).toBeVisible();
  const topBar = (await page.locator('.topbar').boundingBox())!;
  await expect
    .poll(async () => {
      const a = (await answer.boundingBox())!;
      const bar = (await page.locator('.study-actions').boundingBox())!;
      return a.y >= topBar.y + topBar.height && (a.y + a.height <= bar.y + 1 || a.y <= topBar.y + topBar.height + 16);
    })
    .toBe(true);
});

test('a revealed card shows its grades with their next intervals', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open();
  await expect(page.getByRole('button', { name: /Again/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Show answer/ }).click();
  const grades = page.getByRole('group', { name: 'How well did you remember?' });
  await expect(grades.getByRole('button')).toHaveText([/Again\s*1m/, /Hard\s*\d+m/, /Good\s*10m/, /Easy\s*\d+d/]);
  await expect(study.answer.getByRole('link', { name: 'AWS documentation' })).toHaveAttribute('href', /^https:\/\/(docs\.)?aws\.amazon\.com\//);
});

test('undo brings the last card back and restores the counts', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open();
  const first = await study.promptText();
  const left = await study.left();
  const undo = page.getByRole('button', { name: /^Undo last answer/ });
  await expect(undo).toBeHidden();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.getByTestId('done-count')).toHaveText('1');
  await expect(page.getByTestId('last-answer')).toHaveText('Good: due again in 10m.');
  expect(await study.promptText()).not.toBe(first);
  await expect(undo).toBeVisible();

  await page.keyboard.press('u');
  await expect(page.getByTestId('done-count')).toHaveText('0');
  await expect(undo).toBeHidden();
  expect(await study.promptText()).toBe(first);
  expect(await study.left()).toBe(left);
  await page.reload();
  expect(await study.left()).toBe(left);
  expect(await study.promptText()).toBe(first);
});

test('a revealed card keeps its question above a divider, then the answer', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open('?topic=kms-basics');
  const prompt = await study.promptText();
  await page.keyboard.press('Space');
  const asked = study.answer.getByTestId('card-asked');
  await expect(asked).toHaveText(prompt);
  // The question, the divider, then the answer, in that order.
  const order = await study.answer.evaluate((face) =>
    [...face.querySelectorAll(':scope > [data-testid="card-asked"], :scope > hr, :scope > .card-answer')].map((e) => e.className),
  );
  expect(order).toEqual(['card-asked', 'card-divider', 'card-answer']);
  await expect(study.answer.locator('.md').last()).not.toHaveText(prompt);
});

test('the help lists the keys and closes with Escape', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Undo the last answer');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the help keeps the focus inside while open, and gives it back on Escape', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open();
  const opener = page.getByRole('button', { name: /Show answer/ });
  await opener.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectFocusKeptIn(page, help);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();
});

test('Space or Enter on a panel heading opens the panel and leaves the card hidden', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open();
  await page.getByText('Study settings').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Desired retention')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Desired retention')).toBeHidden();
  await expect(study.answer).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
});

test('a topic link studies only that topic', async ({ page }) => {
  const study = new StudyPage(page);
  await page.goto('/');
  await page.locator('[data-topic="rotation"]').getByRole('link').click();
  await expect(page).toHaveURL(/\/study\?topic=rotation$/);
  await expect(page.getByLabel('Topic')).toHaveValue('rotation');
  await expect(study.question.locator('.card-meta')).toContainText('Key rotation');
});

test('a topic links its labs, and a link opens the lab in the page', async ({ app, page }) => {
  const study = new StudyPage(page);
  await study.open();
  const labs = page.locator('.study-toolbar .lab-links');
  await expect(labs).toBeHidden();
  await page.getByLabel('Topic').selectOption('key-types');
  await expect(labs).toHaveText('Try it hands-on: Asymmetric lab');
  await page.getByLabel('Topic').selectOption('kms-basics');
  await expect(labs).toHaveText('Try it hands-on: First key lab');
  // The router follows the link: the page is not loaded again.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await labs.getByRole('link', { name: 'First key lab' }).click();
  await expect(page).toHaveURL('/labs/first-key');
  await expect(app.heading).toHaveText('Your first KMS key');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test.describe('on a touch screen', () => {
  test.skip(({ isMobile }) => !isMobile, 'touch gestures are for the phone project');

  test('a tap reveals and a swipe right grades Good', async ({ page }) => {
    const study = new StudyPage(page);
    await study.open();
    const first = await study.promptText();
    const card = page.locator('.flashcard');
    await card.tap();
    await expect(study.answer.locator('.md').last()).toBeVisible();

    const box = (await card.boundingBox())!;
    const y = box.y + box.height / 2;
    const from = box.x + 40;
    const to = from + 150;
    await card.dispatchEvent('pointerdown', { pointerType: 'touch', clientX: from, clientY: y, isPrimary: true });
    await card.dispatchEvent('pointermove', { pointerType: 'touch', clientX: to, clientY: y, isPrimary: true });
    // Past the threshold, the grade shows in the middle of the card.
    const hint = page.locator('.swipe-hint');
    await expect(hint).toHaveText('Good');
    await expect(hint).toBeVisible();
    const [moved, label] = [(await card.boundingBox())!, (await hint.boundingBox())!];
    expect(Math.abs(label.x + label.width / 2 - (moved.x + moved.width / 2))).toBeLessThan(8);
    expect(Math.abs(label.y + label.height / 2 - (moved.y + moved.height / 2))).toBeLessThan(8);
    await card.dispatchEvent('pointerup', { pointerType: 'touch', clientX: to, clientY: y, isPrimary: true });
    await expect(page.getByTestId('done-count')).toHaveText('1');
    expect(await study.promptText()).not.toBe(first);
    // The card graded Good comes back in ten minutes, not at the day's end.
    await expect(page.getByTestId('last-answer')).toHaveText('Good: due again in 10m.');
  });
});

test('with nothing due the page says so and offers cram mode, which leaves the schedule alone', async ({ page }) => {
  const study = new StudyPage(page);
  await page.goto('/');
  await page.evaluate(() =>
    localStorage.setItem('keydeck.progress', JSON.stringify({ schema: 1, cards: {}, reviews: [], settings: { new_per_day: 0 } })),
  );
  await study.open();
  await expect(page.getByRole('heading', { name: 'Nothing is due' })).toBeVisible();
  await page.getByLabel('Cram a topic anyway').selectOption('acm');
  await page.getByRole('button', { name: 'Start cramming' }).click();
  await expect(page.getByText('Cram mode: your answers here do not change when cards are due.')).toBeVisible();
  await expect(study.question.locator('.card-meta')).toContainText('AWS Certificate Manager');
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(page.getByTestId('done-count')).toHaveText('1');
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('keydeck.progress')!));
  expect(progress.reviews).toEqual([]);
  await page.getByRole('button', { name: 'Stop cramming' }).click();
  await expect(page.getByText('Cram mode: your answers here do not change when cards are due.')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
});

test('the desired retention setting changes the intervals and survives a reload', async ({ page }) => {
  const study = new StudyPage(page);
  await study.open();
  await page.keyboard.press('Space');
  const easy = page.locator('.grade-easy .grade-interval');
  const before = await easy.textContent();
  await page.getByText('Study settings').click();
  await page.getByLabel('Desired retention').fill('0.97');
  await page.getByLabel('Desired retention').dispatchEvent('change');
  await expect(page.locator('output[for="retention"]')).toHaveText('97%');
  await expect(easy).not.toHaveText(before!);
  await page.reload();
  await page.getByText('Study settings').click();
  await expect(page.locator('output[for="retention"]')).toHaveText('97%');
});

test('a comparison table fits a 360 px phone: whole words, and it scrolls sideways in its box', async ({ page }) => {
  const deck = [
    '# Wide tables',
    '',
    '## key-ownership',
    'kind: table',
    'source: https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html',
    '',
    '### Front',
    'Compare the three kinds of KMS key.',
    '',
    '### Back',
    '| | Customer managed key | AWS managed key | AWS owned key | Imported key material | External key store |',
    '|---|---|---|---|---|---|',
    '| Created by | You | An AWS service, in your account | An AWS service, in an AWS account | You, with material you bring | You, in your own key manager |',
    '| Logged in your CloudTrail | Yes | Yes | No | Yes | Yes |',
    '| Automatic rotation | Optional (yearly or custom) | Every year | Varies | Not supported | Not supported |',
  ].join('\n');
  await page.setViewportSize({ width: 360, height: 740 });
  await seedImportedDeck(page, 'wide-tables.md', deck);
  const study = new StudyPage(page);
  await study.open('?topic=wide-tables');
  await expect(study.question).toContainText('Compare the three kinds of KMS key.');
  await page.getByRole('button', { name: /Show answer/ }).click();
  const box = study.answer.getByRole('region', { name: 'Table, scrolls sideways' });
  await expect(box).toBeVisible();

  // No word in the table is broken across lines.
  const broken = await box.evaluate((el) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push(match[0]);
      }
    }
    return found;
  });
  expect(broken).toEqual([]);

  // Five kinds of key are wider than the card: the box scrolls, not the page.
  const widths = await box.evaluate((el) => ({ box: el.clientWidth, table: el.scrollWidth, page: document.documentElement.scrollWidth }));
  expect(widths.table).toBeGreaterThan(widths.box);
  expect(widths.page).toBeLessThanOrEqual(360);
  // The keyboard can reach the box and scroll it.
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

// Grading's code comes with the first reveal, fetched by the page: no
// service worker here, which could answer it from its cache.
test.describe('grading fetched on reveal', () => {
  test.use({ serviceWorkers: 'block' });
  const grading = /\/(split_study_more\.wasm|pack_study_more\.bin)$/;

  test('a grade given before grading has come is given when it comes', async ({ page }) => {
    const study = new StudyPage(page);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(grading, async (route) => {
      await held;
      await route.continue();
    });
    await study.open();
    const first = await study.promptText();
    await page.keyboard.press('Space');
    const grades = page.getByRole('group', { name: 'How well did you remember?' });
    // The buttons are there at once, their intervals not yet.
    await expect(grades.getByRole('button')).toHaveText(['Again1', 'Hard2', 'Good3', 'Easy4']);
    await page.keyboard.press('3');
    expect(await study.done()).toBe(0);
    release();
    await expect(page.getByTestId('done-count')).toHaveText('1');
    await expect(page.getByTestId('last-answer')).toHaveText('Good: due again in 10m.');
    expect(await study.promptText()).not.toBe(first);
  });

  test('grading that cannot be fetched says so, and a grade chosen again fetches it', async ({ page }) => {
    const study = new StudyPage(page);
    await page.route(grading, (route) => route.abort());
    await study.open();
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(page.getByRole('alert')).toHaveText('Grading could not be downloaded. Check your connection, then choose a grade again.');
    await page.unroute(grading);
    await page.getByRole('button', { name: /Good/ }).click();
    await expect(page.getByTestId('done-count')).toHaveText('1');
    await expect(page.getByRole('alert').filter({ hasText: 'Grading could not' })).toHaveCount(0);
  });
});
