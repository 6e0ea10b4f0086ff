// How long a route opened after the first load takes to show its heading,
// on Lighthouse's mobile profile applied in the browser (slow 4G: 562.5 ms
// request latency, 1474.56 kbit/s down, 675 kbit/s up; 4x CPU slowdown).
// Three cases per route, median of three runs each: its code still to fetch
// over the network (no service worker); after the service worker has
// precached the build, on the visit it installed in; and on a later visit,
// which loads the routes' code from the worker's cache while the page is
// idle (warm.js), once it has.
//
//   node tools/route-timing.mjs BASE_URL [runs]
import { chromium } from '@playwright/test';

const base = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!base) {
  console.error('usage: node tools/route-timing.mjs BASE_URL [runs]');
  process.exit(2);
}
const ROUTES = [
  { link: 'Study', heading: 'Study' },
  { link: 'Quiz', heading: 'Quizzes and exams' },
  { link: 'Walkthroughs', heading: 'Walkthroughs' },
  { link: 'Labs', heading: 'Labs' },
  { link: 'Progress', heading: 'Your progress' },
];
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });

async function once(route, precached, returning = false) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    serviceWorkers: precached ? 'allow' : 'block',
  });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  if (precached) {
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      return reg.active?.state;
    });
  }
  if (returning) {
    // The last route warm.js loads.
    const warmed = page.waitForResponse((r) => /\/pack_about\.bin$/.test(new URL(r.url()).pathname), { timeout: 60000 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await warmed;
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const link = page.getByRole('navigation').getByRole('link', { name: route.link, exact: true }).locator('visible=true');
  // Timed in the page, from the click event to the frame after the heading
  // is in the document: Playwright's own polling for a role, on the
  // throttled main thread, would otherwise count.
  await page.evaluate((heading) => {
    window.routeTiming = new Promise((resolve) => {
      let clicked;
      addEventListener('click', (e) => { clicked = e.timeStamp; }, { capture: true, once: true });
      const shown = () => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === heading);
      const observer = new MutationObserver(() => {
        if (clicked === undefined || !shown()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clicked)));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, route.heading);
  await link.click();
  const ms = Math.round(await page.evaluate(() => window.routeTiming));
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('Route opened after the first load: ms from the click to the frame after its heading (median of ' + runs + ')');
console.log('route'.padEnd(16) + 'code over the network'.padStart(24) + 'precached by the service worker'.padStart(34) + 'a later visit'.padStart(16));
for (const route of ROUTES) {
  const cold = [], precached = [], later = [];
  for (let i = 0; i < runs; i++) cold.push(await once(route, false));
  for (let i = 0; i < runs; i++) precached.push(await once(route, true));
  for (let i = 0; i < runs; i++) later.push(await once(route, true, true));
  console.log(route.link.padEnd(16) + `${median(cold)} ms`.padStart(24) + `${median(precached)} ms`.padStart(34) + `${median(later)} ms`.padStart(16));
}
await browser.close();
