// Renders pages at build time: opens each route of the built site as a
// first-time visitor would, and writes what the app drew in place of the
// loading line, so that the first paint shows the page instead of waiting
// for the wasm. `/` fills `index.html`; any other route gets a file of its
// own, `/study` → `study.html`, `/walkthroughs/a/1` → `walkthroughs/a/1.html`,
// which static hosts serve for the extensionless path (xtask/src/serve.rs
// does, and so does the service worker offline).
// Run by the build (xtask/src/prerender.rs):
//   node tools/prerender.mjs BASE DIST ROUTE...
import { chromium } from 'playwright-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const [base, dist, ...routes] = process.argv.slice(2);
const BOOT = /<div id="boot"[^>]*>[^<]*<\/div>/;
const HTML = /<html([^>]*)>/;

const template = await readFile(join(dist, 'index.html'), 'utf8');
if (!BOOT.test(template)) throw new Error(`${dist}/index.html has no <div id="boot"> to fill`);
if (!HTML.test(template)) throw new Error(`${dist}/index.html has no <html> element`);

/** Text as HTML. */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where a route's page is written. */
const fileFor = (route) => (route === '/' ? 'index.html' : `${route.slice(1)}.html`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/** What the app draws on `route` for a first-time visitor, ready to fill the boot element. */
async function draw(route) {
  // A new context each time: no saved progress, nothing cached.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    // The service worker is written after these pages (its list of files
    // includes them): stand in an empty one, as a first visit finds none.
    await context.route('**/sw.js', (r) => r.fulfill({ contentType: 'text/javascript', body: '' }));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(new URL(route, base).href);
    // Mounted, the route's code and content in, and its heading drawn.
    await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('main h1'));
    await page.waitForLoadState('networkidle');
    if (errors.length) throw new Error(`${route} reported errors:\n${errors.join('\n')}`);
    return await page.evaluate(() => {
      // The pages' stylesheets the route linked (src/style.rs), the shared
      // one and the route's own: the page links them from the start, and
      // the app finds them there.
      const head = [...document.querySelectorAll('link[data-style]')]
        .map((l) => `<link rel="stylesheet" href="${l.getAttribute('href')}" data-style="${l.dataset.style}">`)
        .join('\n  ');
      const body = document.body.cloneNode(true);
      body.querySelectorAll('script, noscript, #boot, dialog').forEach((n) => n.remove());
      // Test ids and ids name the live app's elements only.
      body.querySelectorAll('[data-testid]').forEach((n) => n.removeAttribute('data-testid'));
      body.querySelectorAll('[id]').forEach((n) => n.removeAttribute('id'));
      // What the app set through the CSS object model serializes as style
      // attributes, which the Content-Security-Policy (style-src 'self')
      // refuses in markup; the app sets them again when it mounts.
      body.querySelectorAll('[style]').forEach((n) => n.removeAttribute('style'));
      return { title: document.title, head, drawn: body.innerHTML.trim() };
    });
  } finally {
    await context.close();
  }
}

const pages = [];
try {
  for (const route of routes) {
    const page = await draw(route);
    if (!page.drawn.includes('<main')) throw new Error(`${route} drew no <main>`);
    pages.push({ route, ...page });
  }
} finally {
  await browser.close();
}

// Written after every route is drawn, so each was drawn from the template.
let bytes = 0;
for (const { route, title, head, drawn } of pages) {
  // Inert and hidden from assistive technology: nothing in it can be
  // clicked, focused or read out before the app has mounted and replaced
  // it (src/lib.rs, `mount`). `data-prerendered` names the path it shows:
  // served for any other path (an offline fallback), only its frame shows.
  const boot = `<div id="boot" inert aria-hidden="true">${drawn}</div>`;
  const html = template
    .replace(HTML, (_, attrs) => `<html${attrs} data-prerendered="${route}">`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title)}</title>`)
    .replace('</head>', () => (head ? `  ${head}\n</head>` : '</head>'))
    .replace(BOOT, () => boot);
  const file = join(dist, fileFor(route));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, html);
  bytes += drawn.length;
}
console.log(`prerendered ${pages.length} pages: ${bytes} bytes of HTML`);
