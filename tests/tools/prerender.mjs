// Renders the first page at build time: opens the built site's `/` as a
// first-time visitor would, and writes what the app drew into
// `dist/index.html` in place of the loading line, so that the first paint
// shows the page instead of waiting for the wasm. Run by the build
// (xtask/src/prerender.rs): node tools/prerender.mjs BASE DIST_INDEX_HTML
import { chromium } from 'playwright-core';
import { readFile, writeFile } from 'node:fs/promises';

const [base, indexHtml] = process.argv.slice(2);
const BOOT = /<div id="boot"[^>]*>[^<]*<\/div>/;

const template = await readFile(indexHtml, 'utf8');
if (!BOOT.test(template)) throw new Error(`${indexHtml} has no <div id="boot"> to fill`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // The service worker is written after this page (its list of files
  // includes it): stand in an empty one, as a first visit finds none.
  await context.route('**/sw.js', (r) => r.fulfill({ contentType: 'text/javascript', body: '' }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${base}/`);
  await page.getByTestId('today-summary').waitFor();
  await page.waitForLoadState('networkidle');
  if (errors.length) throw new Error(`the first page reported errors:\n${errors.join('\n')}`);
  const drawn = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('script, noscript, #boot').forEach((n) => n.remove());
    // Test ids and ids name the live app's elements only.
    body.querySelectorAll('[data-testid]').forEach((n) => n.removeAttribute('data-testid'));
    body.querySelectorAll('[id]').forEach((n) => n.removeAttribute('id'));
    return body.innerHTML.trim();
  });
  if (!drawn.includes('<main')) throw new Error('the first page drew no <main>');
  // Inert and hidden from assistive technology: nothing in it can be
  // clicked, focused or read out before the app has mounted and replaced
  // it (src/lib.rs, `mount`).
  const boot = `<div id="boot" inert aria-hidden="true">${drawn}</div>`;
  await writeFile(indexHtml, template.replace(BOOT, () => boot));
  console.log(`prerendered /: ${drawn.length} bytes of HTML`);
} finally {
  await browser.close();
}
