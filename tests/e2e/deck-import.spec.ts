import { test, expect, DecksPanel } from './fixtures';

const HOSTILE_DECK = `# Hostile deck

## hostile-card
kind: basic
source: https://docs.aws.amazon.com/kms/latest/developerguide/overview.html

### Front
Tricky <script>window.__ran = 'script'</script> question <img src=x onerror="window.__ran = 'img'">

### Back
[Click me](javascript:window.__ran='link') and <a href="javascript:window.__ran='a'">this</a> and [docs](https://docs.aws.amazon.com/kms/)
`;

test('an imported card with script, onerror and javascript: links runs nothing', async ({ page }) => {
  const decks = new DecksPanel(page);
  await decks.open();
  await decks.chooseFile('hostile.md', HOSTILE_DECK);
  await expect(decks.format('KeyDeck Markdown (.md)')).toBeChecked();
  await expect(decks.previewCards).toHaveCount(1);
  await expect(decks.previewCards.locator('script, img')).toHaveCount(0);
  await expect(decks.previewCards.locator('a[href^="javascript" i]')).toHaveCount(0);
  await decks.save();
  await expect(page.locator('.import-done')).toHaveText('Saved "Hostile deck": 1 card. Choose it under Topic to study it.');

  await page.getByLabel('Topic').selectOption('hostile');
  const question = page.getByRole('region', { name: 'Question' });
  await expect(question).toContainText("<script>window.__ran = 'script'</script>");
  await expect(question.locator('script, img')).toHaveCount(0);
  await page.getByRole('button', { name: /Show answer/ }).click();
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer.getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://docs.aws.amazon.com/kms/');
  await expect(answer.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(answer.locator('[onclick], [onerror], [onload]')).toHaveCount(0);
  const url = page.url();
  await answer.getByText('Click me').click();
  // A control: a handler the test adds runs when clicked, and clicks are
  // handled in order, so once it has run the card's link has had its turn,
  // and a quiet window means that link was inert. (Not an inline onclick:
  // the site's Content-Security-Policy refuses those.)
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.addEventListener('click', () => ((window as any).__control = 'ran'));
    b.id = 'control-after';
    b.textContent = 'control';
    b.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 1000';
    document.body.append(b);
  });
  await page.locator('#control-after').click();
  await expect.poll(() => page.evaluate(() => (window as any).__control)).toBe('ran');
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
  expect(page.url()).toBe(url);

  await page.reload();
  await page.getByLabel('Topic').selectOption('hostile');
  await expect(page.getByRole('region', { name: 'Question' })).toContainText('Tricky');
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
});

test('a malformed deck is refused with the file, line and fault', async ({ page }) => {
  const decks = new DecksPanel(page);
  await decks.open();
  const broken = '# Broken\n\n## Bad Id\nkind: riddle\n\n### Front\nQ\n';
  await decks.chooseFile('broken.md', broken);
  await expect(decks.preview).toContainText('Nothing to save: no card could be imported.');
  await expect(decks.problems.filter({ hasText: 'broken.md:3: card id "Bad Id" must be lowercase kebab-case' })).toContainText('Error');
  await expect(decks.problems.filter({ hasText: 'broken.md:4: unknown kind "riddle"' })).toContainText('Error');
  await expect(decks.saveButton).toHaveCount(0);

  await decks.chooseFile('KMS.apkg', 'PK\u0003\u0004');
  await expect(page.getByRole('alert')).toContainText('KMS.apkg is an Anki package, which KeyDeck cannot read.');
  await expect(decks.preview).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('keydeck.decks.imported'))).toBeNull();
});
