import { test, expect, seedImportedDeck } from './fixtures';
import { SiteServer } from './support/server';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleHistory } from './support/history';

/** Each lazy route: a deep link opened cold, and the pack that brought its
 * code (its module and small chunks). */
const LAZY = [
  { path: '/study?topic=acm', heading: 'Study', chunk: 'pack_study.bin' },
  { path: '/quiz', heading: 'Quizzes and exams', chunk: 'pack_quiz.bin' },
  { path: '/walkthroughs/snapshot-copy/2', heading: /snapshot/i, chunk: 'pack_walkthroughs.bin' },
  { path: '/labs', heading: 'Labs', chunk: 'pack_labs.bin' },
  { path: '/labs/first-key?seed=7', heading: 'Your first KMS key', chunk: 'pack_lab.bin' },
  { path: '/progress', heading: 'Your progress', chunk: 'pack_progress.bin' },
  { path: '/about', heading: 'About KeyDeck', chunk: 'pack_about.bin' },
] as const;

for (const route of LAZY) {
  test(`a cold deep link to ${route.path} fetches its chunk and shows the page`, async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    expect(fetched.some((p) => p.endsWith(`/${route.chunk}`))).toBe(true);
  });
}

test('the list of walkthroughs reads no record of watched ones when none was kept', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/walkthroughs');
  await expect(page.locator('.walkthrough-list > li')).toHaveCount(7);
  await expect(page.getByRole('listitem').filter({ hasText: 'watched to the end' })).toHaveCount(0);
  expect(fetched.filter((p) => p.endsWith('/pack_walkthrough_records.bin'))).toEqual([]);
});

test('a walkthrough\'s steps read no record of watched walkthroughs until the last one', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const reader = () => fetched.filter((p) => p.endsWith('/pack_walkthrough_records.bin'));
  await page.goto('/walkthroughs/envelope-encryption/1');
  await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 6');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 6');
  expect(reader()).toEqual([]);
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-count')).toHaveText('Step 6 of 6');
  await expect.poll(reader).toHaveLength(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('keydeck.walkthroughs.completed'))).toContain('"envelope-encryption"');
  await page.goto('/walkthroughs');
  await expect(page.getByRole('listitem').filter({ hasText: '6 steps · watched to the end' })).toHaveCount(1);
});

test('a walkthrough\'s deep link fetches that walkthrough alone; another is fetched when the player goes to it', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const walkthroughs = () => fetched.map((p) => p.match(/\/pack_walkthrough_([a-z0-9_]+)\.bin$/)?.[1]).filter((w) => w && w !== 'records');
  await page.goto('/walkthroughs/snapshot-copy/2');
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
  await expect(page.locator('.narration')).toContainText('Add account B to the key policy of CMK-A');
  expect(walkthroughs()).toEqual(['snapshot_copy']);
  // The player's route stays while its address names another walkthrough.
  await page.evaluate(() => {
    history.pushState(null, '', '/walkthroughs/ami-sharing/3');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Sharing a KMS-encrypted AMI with another account' })).toBeVisible();
  await expect(page.getByTestId('step-count')).toHaveText('Step 3 of 5');
  expect(walkthroughs()).toEqual(['snapshot_copy', 'ami_sharing']);
  // Back: the first one draws from what came, fetching nothing.
  await page.goBack();
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
  expect(walkthroughs()).toEqual(['snapshot_copy', 'ami_sharing']);
});

test('a walkthrough that cannot be fetched shows a message with a retry; the others still play', async ({ page }) => {
  const site = await SiteServer.start();
  try {
    const pkg = (await readdir(site.root)).find((f) => f.startsWith('pkg-'))!;
    await rm(join(site.root, pkg, 'pack_walkthrough_ami_sharing.bin'));
    await page.goto(`${site.url}/walkthroughs/ami-sharing/1`);
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.goto(`${site.url}/walkthroughs/snapshot-copy/1`);
    await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
    await page.evaluate(() => {
      history.pushState(null, '', '/walkthroughs/ami-sharing/1');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
  } finally {
    await site.stop();
  }
});

test('the progress page with nothing kept fetches no reader, no charts and no data tools until asked', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
  await expect(page.getByTestId('walkthroughs-done')).toHaveText(/^0 of \d+ walkthroughs watched to the end$/);
  const packs = () => fetched.map((p) => p.match(/\/pack_([a-z0-9_]+)\.bin$/)?.[1]).filter(Boolean);
  for (const part of ['progress_records', 'dashboard', 'your_data']) expect(packs()).not.toContain(part);
  // Pointing at the data tools fetches theirs, ahead of a click.
  await page.getByRole('link', { name: 'Export progress' }).hover();
  await expect.poll(packs).toContain('your_data');
  expect(packs()).not.toContain('dashboard');
});

test('the progress page reads kept records and draws the charts when there are reviews', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.addInitScript(() => localStorage.setItem('keydeck.walkthroughs.completed', JSON.stringify({ 'envelope-encryption': '2026-11-02T09:30:00Z' })));
  await page.goto('/study');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.getByTestId('done-count')).toHaveText('1');
  await page.goto('/progress');
  await expect(page.getByTestId('reviews-total')).toHaveText('1');
  await expect(page.getByTestId('walkthroughs-done')).toHaveText(/^1 of \d+ walkthroughs watched to the end$/);
  await expect(page.getByRole('link', { name: 'Envelope encryption with a KMS key' })).toHaveAttribute('href', '/walkthroughs/envelope-encryption/1');
  const packs = () => fetched.map((p) => p.match(/\/pack_([a-z0-9_]+)\.bin$/)?.[1]).filter(Boolean);
  expect(packs()).toContain('dashboard');
  expect(packs()).toContain('progress_records');
  expect(packs()).not.toContain('your_data');
});

// The route's code is fetched by the page here, not from the worker's cache.
test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('charts that cannot be fetched say so, and Try again brings them', async ({ page }) => {
    await page.goto('/progress');
    await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
    await page.route(/\/pack_dashboard\.bin$/, (r) => r.abort());
    // Reviews that come while the page is open (an import here) bring the charts.
    await page.locator('.your-data input[type=file]').setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(sampleHistory(28)) });
    await expect(page.getByRole('alert')).toHaveText('Your charts could not be loaded. Check your connection, then try again.');
    await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeHidden();
    await page.unroute(/\/pack_dashboard\.bin$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('img', { name: /^Reviews over the last 365 days/ })).toBeVisible();
    await expect(page.getByRole('alert')).toBeHidden();
  });
});

test('the first load of / fetches the home page\'s code and no other route\'s', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('today-summary')).toHaveText(/^Today's goal: \d+ cards · about \d+ minutes?\.$/);
  const code = fetched.filter((p) => /\/(split_[a-z_0-9]+\.wasm|pack_[a-z_0-9]+\.bin)$/.test(p));
  expect(code.map((p) => p.split('/').pop())).toEqual(['pack_home.bin']);
});

test('a deep link carries no home page code until Home is opened', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/quiz');
  await expect(page.getByRole('heading', { level: 1, name: 'Quizzes and exams' })).toBeVisible();
  const home = () => fetched.filter((p) => p.endsWith('/pack_home.bin'));
  expect(home()).toEqual([]);
  await page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^KMS basics/ })).toBeVisible();
  expect(home()).toHaveLength(1);
});

test('the first load of / links only the shell\'s styles; a page\'s styles come with its route, before it shows', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(fetched.filter((p) => p.endsWith('.css'))).toEqual([expect.stringMatching(/^\/main-[0-9a-f]+\.css$/)]);
  await page.getByRole('navigation').getByRole('link', { name: 'Study', exact: true }).locator('visible=true').click();
  const card = page.locator('.flashcard');
  await expect(card).toBeVisible();
  // The card is laid out by study.css from the moment it appears.
  expect(await card.evaluate((el) => getComputedStyle(el).maxWidth)).toBe('768px');
  await page.getByRole('navigation').getByRole('link', { name: 'Quiz', exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quizzes and exams' })).toBeVisible();
  // The shared sheet once, then each route's own as it opens: neither the
  // walkthroughs', the labs' nor the dashboard's.
  const sheets = fetched.filter((p) => p.endsWith('.css')).map((p) => p.replace(/-[0-9a-f]+\.css$/, ''));
  expect(sheets.sort()).toEqual(['/main', '/pages', '/quiz', '/study']);
});

// Fetched after the page has loaded, by when the service worker may
// serve them from its cache, out of the route's reach: no worker here.
test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('page styles that cannot be fetched show the retry message, not an unstyled page', async ({ page }) => {
    await page.route(/\/pages-[0-9a-f]+\.css$/, (route) => route.abort());
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Progress', exact: true }).locator('visible=true').click();
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toHaveCount(0);
    // Once the styles can be fetched, the next route opens.
    await page.unroute(/\/pages-[0-9a-f]+\.css$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Study', exact: true }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  });

  test('a route whose own styles cannot be fetched shows the retry message; the other routes still open', async ({ page }) => {
    await page.route(/\/progress-[0-9a-f]+\.css$/, (route) => route.abort());
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).locator('visible=true');
    await nav('Progress').click();
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toHaveCount(0);
    await nav('Study').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
    await expect(page.locator('.flashcard')).toBeVisible();
    // Once its styles can be fetched, the dashboard opens, styled.
    await page.unroute(/\/progress-[0-9a-f]+\.css$/);
    await nav('Progress').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
    expect(await page.locator('link[data-style="progress"]').count()).toBe(1);
  });
});

test('a chunk that cannot be fetched shows a message with a retry, and the rest of the app works', async ({ page }) => {
  const site = await SiteServer.start();
  try {
    const pkg = (await readdir(site.root)).find((f) => f.startsWith('pkg-'))!;
    await rm(join(site.root, pkg, 'pack_labs.bin'));
    await page.goto(`${site.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Labs', exact: true }).locator('visible=true').click();
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Study', exact: true }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  } finally {
    await site.stop();
  }
});

test('the first load of / reads only the outline of the deck, and parses no Markdown', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByTestId('today-summary')).toHaveText(/^Today's goal: \d+ cards · about \d+ minutes?\.$/);
  expect(fetched.filter((p) => /^\/outline-[0-9a-f]+\.txt$/.test(p))).toHaveLength(1);
  expect(fetched.filter((p) => /\/(deck-[0-9a-f]+\/[\w-]+\.txt|questions-[0-9a-f]+\.json)$|\/pack_deck_parser\.bin$/.test(p))).toEqual([]);
});

test('a deck outline that cannot be fetched is reported, and the rest of the app works', async ({ page }) => {
  await page.route(/\/outline-[0-9a-f]+\.txt$/, (r) => r.abort());
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: /KeyDeck could not download \/outline-[0-9a-f]+\.txt/ })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'About', exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'About KeyDeck' })).toBeVisible();
});

/** The deck's topic files a page fetched, by topic id. */
const topicFiles = (fetched: string[]) =>
  fetched.flatMap((p) => /^\/deck-[0-9a-f]+\/([\w-]+)\.txt$/.exec(p)?.[1] ?? []);

test('studying fetches the topics of its session, once each; the quiz fetches the rest', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByTestId('today-summary')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Study', exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
  await expect(page.locator('.flashcard .face.front .md')).toHaveText(/\w{3}/);
  // A first visit's new cards come from the first topics only.
  const topics = (await page.locator('#study-scope option').allTextContents()).length - 1;
  const studied = topicFiles(fetched);
  expect(studied.length).toBeGreaterThan(0);
  expect(studied.length).toBeLessThan(topics / 2);
  expect(new Set(studied).size).toBe(studied.length);
  await page.getByRole('navigation').getByRole('link', { name: 'Quiz', exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quizzes and exams' })).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText('Question 1 of 10')).toBeVisible();
  const all = topicFiles(fetched);
  expect(all).toHaveLength(topics);
  expect(new Set(all).size).toBe(topics);
});

// The topic's file is fetched once the page has loaded: no service worker
// here, which could answer it from its cache, out of the route's reach.
test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('picking a topic shows its cards, fetched then; one that cannot be fetched says so, with a retry', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto('/study');
    await expect(page.locator('.flashcard .face.front .md')).toHaveText(/\w{3}/);
    const last = page.locator('#study-scope option').last();
    const id = (await last.getAttribute('value'))!;
    const title = (await last.textContent())!.replace(/ \(.*$/, '');
    expect(topicFiles(fetched)).not.toContain(id);
    await page.route(/\/deck-[0-9a-f]+\/[\w-]+\.txt$/, (r) => r.abort());
    await page.locator('#study-scope').selectOption(id);
    await expect(page.getByRole('alert').filter({ hasText: 'The cards of this topic could not be downloaded. Check your connection, then try again.' })).toBeVisible();
    await page.unroute(/\/deck-[0-9a-f]+\/[\w-]+\.txt$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.flashcard .face.front .md')).toHaveText(/\w{3}/);
    await expect(page.locator('.flashcard')).toContainText(title);
    expect(topicFiles(fetched).filter((t) => t === id)).toHaveLength(2);
  });
});

test('a deck that cannot be fetched shows a message with a retry', async ({ page }) => {
  await page.route(/\/deck-[0-9a-f]+\/[\w-]+\.txt$/, (r) => r.abort());
  await page.goto('/study');
  await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
  await page.unroute(/\/deck-[0-9a-f]+\/[\w-]+\.txt$/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
});

// Fetched after the page has loaded, by when the service worker may
// serve them from its cache, out of the route's reach: no worker here.
test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('the quiz setup fetches no questions and no quiz code; starting a quiz fetches them and the whole deck, once', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const content = () => [...new Set(fetched.filter((p) => /^\/(deck-[0-9a-f]+\/[\w-]+\.txt|questions-[0-9a-f]+\.json)$/.test(p)).map((p) => p.split('-')[0]))];
    // The quiz's code: the pack of its module and small chunks.
    const runner = () => fetched.filter((p) => /\/(split_quiz_run\.wasm|pack_quiz_run\.bin)$/.test(p));
    await page.goto('/quiz');
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    expect(content()).toEqual([]);
    expect(runner()).toEqual([]);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByText('Question 1 of 10')).toBeVisible();
    expect(content().sort()).toEqual(['/deck', '/questions']);
    expect(runner().map((p) => p.split('/').pop()).sort()).toEqual(['pack_quiz_run.bin']);
  });
  // The pack of the quiz's module and small chunks: the only way they load.
  test('quiz code that cannot be fetched shows a message with a retry, and the setup page does not need it', async ({ page }) => {
    await page.route(/\/pack_quiz_run\.bin$/, (r) => r.abort());
    await page.goto('/quiz');
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    await page.unroute(/\/pack_quiz_run\.bin$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Question 1 of 10')).toBeVisible();
  });
});

// Fetched after the page has loaded, by when the service worker may
// serve them from its cache, out of the route's reach: no worker here.
test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('quiz questions that cannot be fetched show a message with a retry', async ({ page }) => {
    await page.route(/\/questions-[0-9a-f]+\.json$/, (r) => r.abort());
    await page.goto('/quiz');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    await page.unroute(/\/questions-[0-9a-f]+\.json$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Question 1 of 10')).toBeVisible();
  });
});

test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  // The study page's settings, key help and finished session.
  const more = /\/pack_study_more\.bin$/;
  test('the study page fetches its settings, key help and end of session only once the learner asks', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto('/study');
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((p) => more.test(p))).toEqual([]);
    await page.getByText('Study settings').click();
    await expect(page.getByLabel('Desired retention')).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(fetched.filter((p) => more.test(p))).toHaveLength(1);
  });
  test('study settings that cannot be fetched say so, and open once they can', async ({ page }) => {
    await page.route(more, (r) => r.abort());
    await page.goto('/study');
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
    const settings = page.getByText('Study settings');
    await settings.click();
    await expect(page.getByRole('alert')).toHaveText('The settings could not be loaded. Check your connection, then close and open them again.');
    // The card still works.
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
    await page.unroute(more);
    await settings.click();
    await settings.click();
    await expect(page.getByLabel('Desired retention')).toBeVisible();
  });
  test('settings closed and opened again while their fetch is failing are fetched once more', async ({ page }) => {
    // The first fetch hangs, then fails; those after it go through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen = 0;
    await page.route(more, async (r) => {
      seen += 1;
      if (seen === 1) {
        await held;
        await r.abort();
      } else {
        await r.continue();
      }
    });
    await page.goto('/study');
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
    const settings = page.getByText('Study settings');
    await settings.click();
    await expect.poll(() => seen).toBe(1);
    await settings.click();
    await settings.click();
    release();
    await expect(page.getByLabel('Desired retention')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(seen).toBe(2);
  });
});

test('a learner with an imported deck gets the parser on demand, and their cards count', async ({ page }) => {
  const deck = '# Mine\n\n## my-card\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ?\n\n### Back\nA\n';
  await seedImportedDeck(page, 'mine.md', deck);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.locator('tr[data-topic="mine"] td.count-new')).toHaveText('1');
  expect(fetched.some((p) => p.endsWith('/pack_deck_parser.bin'))).toBe(true);
});
