// Screenshots of pages at phone and desktop sizes, light and dark, for a
// person to look at: node tools/shots.mjs BASE OUTDIR PATH [SCRIPT...]
import { chromium } from 'playwright-core';

const [base, out, path, ...lines] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 768 } };
for (const [name, viewport] of Object.entries(sizes)) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: name === 'phone' ? 2 : 1 });
    page.on('console', (m) => m.type() === 'error' && console.log(`console: ${m.text()}`));
    await page.goto(`${base}${path}`);
    await page.waitForTimeout(1500);
    for (const line of lines) {
      const input = page.getByTestId('terminal-input');
      await input.fill(line);
      await input.press('Enter');
      await page.waitForTimeout(700);
    }
    const file = `${out}/${path.replace(/[^a-z0-9]+/gi, '_')}-${name}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: false });
    console.log(file);
    await page.close();
  }
}
await browser.close();
