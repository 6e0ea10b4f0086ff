// Steps through the cross-account snapshot walkthrough under a Chromium
// performance trace and prints the longest main-thread task. Run by
// `cargo xtask bench` against the release build; it measures, it does not judge.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(`${base}/walkthroughs/snapshot-copy/1`);
await page.getByTestId('step-count').waitFor();
await page.waitForTimeout(500);

await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
for (let step = 2; step <= 5; step++) {
  await page.keyboard.press('ArrowRight');
  await page.getByText(`Step ${step} of 5`).waitFor();
  await page.waitForTimeout(700); // let the transitions and arrow drawing run
}
const trace = JSON.parse((await browser.stopTracing()).toString());
await browser.close();

const events = trace.traceEvents ?? trace;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
const longest = tasks.reduce((max, e) => Math.max(max, e.dur ?? 0), 0) / 1000;
const over50 = tasks.filter((e) => (e.dur ?? 0) > 50_000).length;
console.log(`walkthrough snapshot-copy, steps 1→5: ${tasks.length} main-thread tasks, longest ${longest.toFixed(1)} ms, ${over50} over 50 ms`);
