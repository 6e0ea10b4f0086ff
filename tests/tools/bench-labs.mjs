// Measures the labs worker in Chromium against the release build: the median
// time of an Encrypt typed into the lab terminal (worker round trip included),
// and the main thread's longest task while the worker makes an RSA_4096 key.
// Run by `cargo xtask bench`; it measures, it does not judge.
import { chromium } from 'playwright-core';
import { mainThreadTasks } from './main-thread.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const runs = 40;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(`${base}/labs/first-key?seed=7`);
const input = page.getByTestId('terminal-input');
await input.waitFor();

async function run(line) {
  const before = await page.locator('.term-cmd').count();
  const t0 = Date.now();
  await input.fill(line);
  await input.press('Enter');
  await page.locator('.term-cmd').nth(before).waitFor();
  await page.locator('.term-busy').waitFor({ state: 'detached', timeout: 120_000 });
  return Date.now() - t0;
}

await run('aws kms create-key --description bench --query KeyMetadata.KeyId --output text');
const keyId = (await page.locator('.term-stdout').last().textContent()).trim();
await run(`aws kms create-alias --alias-name alias/bench --target-key-id ${keyId}`);
const times = [];
for (let i = 0; i < runs; i++) {
  times.push(await run(`aws kms encrypt --key-id alias/bench --plaintext aGVsbG8= --query KeyId --output text`));
}
times.sort((a, b) => a - b);
console.log(`lab terminal: Encrypt through the worker, median ${times[runs >> 1]} ms over ${runs} runs (typed, run, rendered)`);

await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
const rsa = await run('aws kms create-key --key-spec RSA_4096 --key-usage ENCRYPT_DECRYPT --query KeyMetadata.KeyId --output text');
const trace = JSON.parse((await browser.stopTracing()).toString());
await browser.close();
const { count, longest, over50 } = mainThreadTasks(trace);
console.log(`RSA_4096 create-key: ${rsa} ms in the worker; main thread meanwhile: ${count} tasks, longest ${longest.toFixed(1)} ms, ${over50} over 50 ms`);
