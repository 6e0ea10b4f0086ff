import { test, expect } from './fixtures';

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
  await page.goto('/study');
  await page.getByText('Your own decks').click();
  await page.locator('input[type=file]').setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(HOSTILE_DECK) });
  await expect(page.getByRole('status')).toHaveText('Imported "Hostile deck" from hostile.md.');

  await page.getByLabel('Topic').selectOption('hostile');
  const question = page.getByRole('region', { name: 'Question' });
  await expect(question).toContainText("<script>window.__ran = 'script'</script>");
  await expect(question.locator('script, img')).toHaveCount(0);
  await page.keyboard.press('Space');
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer.getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://docs.aws.amazon.com/kms/');
  await expect(answer.locator('a[href^="javascript" i]')).toHaveCount(0);
  await answer.getByText('Click me').click();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();

  await page.reload();
  await page.getByLabel('Topic').selectOption('hostile');
  await expect(page.getByRole('region', { name: 'Question' })).toContainText('Tricky');
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
});

test('a malformed deck is refused with the file, line and fault', async ({ page }) => {
  await page.goto('/study');
  await page.getByText('Your own decks').click();
  const broken = '# Broken\n\n## Bad Id\nkind: riddle\n\n### Front\nQ\n';
  await page.locator('input[type=file]').setInputFiles({ name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The deck was not imported');
  await expect(alert).toContainText('broken.md:3: card id "Bad Id" must be lowercase kebab-case');
  await expect(alert).toContainText('broken.md:4: unknown kind "riddle"');
  await page.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });
  await expect(alert).toContainText('notes.txt is not a Markdown deck: choose a .md file.');
});
