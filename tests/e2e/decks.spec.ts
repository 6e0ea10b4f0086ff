import { test, expect, DecksPanel, seedImportedDeck } from './fixtures';
import type { Page } from '@playwright/test';

/** Anki's "Notes in Plain Text" with every header line Anki writes. */
const ANKI = [
  '#separator:tab',
  '#html:true',
  '#guid column:1',
  '#notetype column:2',
  '#deck column:3',
  '#tags column:6',
  'f:Xz3q\tBasic\tAWS KMS drill\tWhat does <b>KMS</b> stand for?\tKey Management Service\tkms',
  'Gu7|v>2kq\tBasic\tAWS KMS drill\tThe largest plaintext Encrypt takes?\t4 KB\tkms limits',
  'o]6Lw@z,P\tBasic\tAWS KMS drill\tWhat logs every KMS request?\tAWS <i>CloudTrail</i>\tkms audit',
  '',
].join('\n');

/** A Quizlet export with a custom separator between term and definition and between rows. */
const QUIZLET = 'CMK = customer master key, now "KMS key"##DEK = data encryption key, from GenerateDataKey##';

function storedProgress(page: Page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('keydeck.progress') ?? '{"cards": {}}').cards);
}

test('an Anki export is previewed, saved, studied, exported and imported again with its progress', async ({ app, page }) => {
  const decks = new DecksPanel(page);
  await decks.open();
  await decks.chooseFile('kms-drill.txt', ANKI);
  await expect(decks.format('Anki: Notes in Plain Text (.txt)')).toBeChecked();
  await expect(decks.preview).toContainText('3 cards to import.');
  await expect(decks.previewCards).toHaveCount(3);
  await expect(decks.previewCards.first().locator('strong')).toHaveText('KMS');
  await expect(decks.problems).toHaveCount(0);
  await expect(decks.title).toHaveValue('AWS KMS drill');
  expect(await app.accessibilityViolations()).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('keydeck.decks.imported'))).toBeNull();
  await decks.save();
  await expect(page.locator('#import-done')).toBeFocused();

  // Study one card of the new deck.
  await page.getByLabel('Topic').selectOption({ label: 'AWS KMS drill (3 new)' });
  await expect(page.getByRole('region', { name: 'Question' })).toContainText('What does KMS stand for?');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Easy/ }).click();
  await expect(page.getByTestId('done-count')).toHaveText('1');
  const studied = Object.keys(await storedProgress(page));
  expect(studied).toHaveLength(1);
  const counts = await page.getByLabel('Topic').locator('option:checked').textContent();
  expect(counts).toBe('AWS KMS drill (2 new)');

  // Out as Anki's text, and back in: the same cards, the same progress.
  const exported = await decks.export('AWS KMS drill', 'Anki');
  expect(exported.name).toBe('kms-drill.txt');
  expect(exported.text).toContain('#guid column:1');
  await decks.chooseFile(exported.name, exported.text);
  await expect(decks.preview).toContainText('3 cards to import.');
  await expect(decks.preview).toContainText('You already have a deck saved as kms-drill.md: saving replaces it.');
  await decks.save();
  await expect(page.getByLabel('Topic').locator('option:checked')).toHaveText(counts!);
  await page.reload();
  await expect(page.getByLabel('Topic').locator('option:checked')).toHaveText(counts!);
  expect(Object.keys(await storedProgress(page))).toEqual(studied);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('keydeck.decks.imported')!));
  expect(saved.map((d: { file: string }) => d.file)).toEqual(['kms-drill.md']);

  // The other formats name the file after the deck too.
  await page.getByText('Import and export decks').click();
  expect((await decks.export('AWS KMS drill', 'KeyDeck Markdown')).name).toBe('kms-drill.md');
  const csv = await decks.export('AWS KMS drill', 'CSV');
  expect(csv.name).toBe('kms-drill.csv');
  expect(csv.text.split(/\r?\n/)[0]).toBe('front,back,tags,id,kind,source,note,seed,walkthrough');
});

test('a Quizlet export with custom separators is read once its separators are chosen', async ({ page }) => {
  const decks = new DecksPanel(page);
  await decks.open();
  await decks.chooseFile('quizlet-set.txt', QUIZLET);
  await expect(decks.preview).toContainText('1 card to import.');
  await decks.format('Quizlet: the text of its Export').check();
  await page.getByRole('group', { name: 'Between term and definition' }).getByLabel('Custom between term and definition').fill(' = ');
  await page.getByRole('group', { name: 'Between rows' }).getByLabel('Custom between rows').fill('##');
  await expect(page.getByRole('group', { name: 'Between rows' }).getByRole('radio', { name: 'Custom' })).toBeChecked();
  await expect(decks.preview).toContainText('2 cards to import.');
  await expect(decks.previewCards.nth(1)).toContainText('DEK');
  await expect(decks.previewCards.nth(1)).toContainText('data encryption key, from GenerateDataKey');
  await decks.title.fill('Quizlet KMS words');
  await decks.save();
  await expect(page.getByLabel('Topic').locator('option', { hasText: 'Quizlet KMS words (2 new)' })).toHaveCount(1);
});

test('pasted Quizlet text is named after the title given to it', async ({ page }) => {
  const decks = new DecksPanel(page);
  await decks.open();
  await decks.format('Quizlet: the text of its Export').check();
  await decks.pasteBox.fill('KMS\tKey Management Service\nHSM\tHardware security module\n');
  await expect(decks.preview).toContainText('2 cards to import.');
  await expect(decks.title).toHaveValue('Pasted cards');
  await decks.title.fill('KMS acronyms');
  await expect(decks.title).toHaveValue('KMS acronyms');
  await decks.save();
  await expect(decks.pasteBox).toHaveValue('');
  await page.getByLabel('Topic').selectOption('kms-acronyms');
  await expect(page.getByRole('region', { name: 'Question' })).toContainText('KMS');
});

test('a malformed Anki file shows each error at its file and line, and saves nothing', async ({ page }) => {
  const decks = new DecksPanel(page);
  await decks.open();
  await decks.chooseFile('bad.txt', '#separator:tab\n#html:false\nonly a front\n\tonly a back\n');
  await expect(decks.preview).toContainText('Nothing to save: no card could be imported.');
  await expect(decks.preview).toContainText('3 errors: those rows are left out.');
  await expect(decks.problems).toHaveText([
    'Error bad.txt:1: no card could be imported from this file',
    'Error bad.txt:3: expected 2 fields, found 1',
    'Error bad.txt:4: the front is empty',
  ]);
  await expect(decks.saveButton).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('keydeck.decks.imported'))).toBeNull();
});

test('an imported deck is renamed, and deleted only after a question, keeping its review history', async ({ app, page }) => {
  const deck = '# Mine\n\n## my-card\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ?\n\n### Back\nA\n';
  await seedImportedDeck(page, 'mine.md', deck);
  const decks = new DecksPanel(page);
  await decks.open('/study?topic=mine');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.getByTestId('last-answer')).toHaveText(/^Good: due again in /);
  const studied = await storedProgress(page);
  expect(Object.keys(studied)).toEqual(['my-card']);

  await decks.deck('Mine').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByLabel('New title')).toBeFocused();
  await page.getByLabel('New title').fill('My KMS cards');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Renamed to "My KMS cards".')).toBeVisible();
  await expect(decks.deck('My KMS cards')).toContainText('1 card · mine.md');
  await expect(page.getByRole('button', { name: 'Rename' })).toBeFocused();
  await expect(page.getByLabel('Topic').locator('option:checked')).toHaveText(/^My KMS cards \(/);

  const remove = decks.deck('My KMS cards').getByRole('button', { name: 'Delete…' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Delete "My KMS cards"?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Its card leaves your topics. Your review history stays');
  await expect(dialog).toContainText('it stays in your progress export');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(decks.deck('My KMS cards')).toHaveCount(1);

  await remove.click();
  await dialog.getByRole('button', { name: 'Delete deck' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Deleted "My KMS cards". Its review history is still in your progress.')).toBeVisible();
  await expect(decks.deck('My KMS cards')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Your decks' })).toBeFocused();
  await expect(page.getByLabel('Topic').locator('option', { hasText: 'My KMS cards' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('keydeck.decks.imported'))).toBe('[]');
  expect(await storedProgress(page)).toEqual(studied);
});
