// Renders KeyDeck's app icons from their SVG sources into the PNG sizes the
// web manifest and iOS ask for. Run by `cargo xtask icons`; the PNGs are committed.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const icons = join(dirname(fileURLToPath(import.meta.url)), '../../assets/icons');
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'maskable-512.png', 512],
  ['maskable.svg', 'apple-touch-icon.png', 180],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [source, target, size] of jobs) {
  const svg = readFileSync(join(icons, source), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: join(icons, target), omitBackground: true });
  console.log(`assets/icons/${target} (${size}×${size})`);
}
await browser.close();
