// Steps through the cross-account snapshot walkthrough under a Chromium
// performance trace and prints the longest main-thread task. Run by
// `cargo xtask bench` against the release build; it measures, it does not judge.
import { chromium } from 'playwright-core';
import { mainThreadTasks } from './main-thread.mjs';

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

const { count, longest, over50 } = mainThreadTasks(trace);
console.log(`walkthrough snapshot-copy, steps 1→5: ${count} main-thread tasks, longest ${longest.toFixed(1)} ms, ${over50} over 50 ms`);
