// Lighthouse's mobile run (simulated slow 4G, CPU slowdown calibrated to
// this machine) on each route, cold every time, and the median of several
// runs per route. Run by `cargo xtask bench` against the release build
// served with brotli; it measures, it does not judge (xtask/src/budget.rs
// does).
//
// The CPU slowdown is relative to the machine Lighthouse runs on, so its
// default 4x emulates a mid-tier phone only from a high-end desktop
// (Lighthouse's docs/throttling.md: benchmark index 1500-2000, and "on a
// weaker machine, you can lower it"). The phone emulated here is the one
// 4x makes of a desktop at the middle of that bracket, 1750: the slowdown
// is 4 x (this machine's benchmark index / 1750), the index being the
// median of five runs of Lighthouse's own benchmark before the first
// measurement. Both are printed. KEYDECK_CPU_SLOWDOWN=N fixes the slowdown.
//
//   node tools/lighthouse.mjs BASE_URL [runs] [--floor]
//
// A route's first load is every request Lighthouse saw, brotli bytes as
// sent; the last column is the part that is the labs worker's prefetch.
// `--floor` measures `/` only and labels it "floor" (the bare Leptos app).
// With KEYDECK_LIGHTHOUSE_JSON set, the medians are also written there as
// [{route, performance, lcp_ms, tbt_ms, cls, accessibility, best_practices,
// first_load_bytes}].
import { writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import { throttling } from 'lighthouse/core/config/constants.js';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const floor = args.includes('--floor');
const [base = 'http://127.0.0.1:8080', runsArg = '3'] = args.filter((a) => a !== '--floor');
const runs = Number.parseInt(runsArg, 10);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`lighthouse.mjs: runs must be a positive whole number, not ${JSON.stringify(runsArg)}`);
  process.exit(2);
}

const KIB = 1024;
/** First-load budgets, in KiB of what goes over the wire. */
const BUDGETS = { '/': 190 };
const OTHER_BUDGET = 250;
const routes = floor ? ['/'] : ['/', '/study', '/quiz', '/walkthroughs/snapshot-copy/1'];
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** The benchmark index of the desktop Lighthouse's default 4x slowdown is meant for. */
const REFERENCE_INDEX = 1750;
const DEFAULT_SLOWDOWN = 4;

/** Lighthouse's benchmark index of this machine: the median of five runs in a blank page. */
async function benchmarkIndex() {
  const browser = await chromium.launch({ executablePath: chromePath });
  try {
    const page = await browser.newPage();
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await page.evaluate(pageFunctions.computeBenchmarkIndex));
    return median(runs);
  } finally {
    await browser.close();
  }
}

/** One cold Lighthouse run: a new Chrome with a fresh profile, storage reset. */
async function measure(url, cpuSlowdownMultiplier) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier },
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no report for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    return {
      performance: lhr.categories.performance.score,
      lcp_ms: audit('largest-contentful-paint'),
      tbt_ms: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      accessibility: lhr.categories.accessibility.score,
      best_practices: lhr.categories['best-practices'].score,
      first_load_bytes: requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      // Part of the above: the labs worker, which the page prefetches when idle.
      worker_bytes: requests
        .filter((r) => new URL(r.url).pathname.startsWith('/sim-worker-'))
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    };
  } finally {
    await chrome.kill();
  }
}

function median(values) {
  const sorted = values.filter((v) => v !== null && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const score = (s) => (s === null ? '-' : Math.round(s * 100).toString());
const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;
const columns = ['route', 'perf', 'LCP ms', 'TBT ms', 'CLS', 'a11y', 'best pr.', 'first load', 'budget', 'of it, labs worker'];
const widths = [32, 5, 7, 7, 6, 5, 8, 12, 10, 19];
const row = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');

const fixed = process.env.KEYDECK_CPU_SLOWDOWN;
const index = fixed ? null : await benchmarkIndex();
const slowdown = fixed ? Number(fixed) : Math.round((DEFAULT_SLOWDOWN * index * 10) / REFERENCE_INDEX) / 10;
if (!(slowdown > 0)) {
  console.error(`lighthouse.mjs: the CPU slowdown must be a positive number, not ${JSON.stringify(fixed)}`);
  process.exit(2);
}
const calibration = fixed ? 'as KEYDECK_CPU_SLOWDOWN says' : `this machine's benchmark index ${index}; 4x at ${REFERENCE_INDEX}`;
console.log(
  `Lighthouse ${floor ? 'floor' : 'KeyDeck'}: mobile, simulated slow 4G, ${slowdown}x CPU (${calibration}); median of ${runs} cold run${runs === 1 ? '' : 's'}`,
);
console.log(row(columns));
const medians = [];
for (const route of routes) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(new URL(route, base).href, slowdown));
  const pick = (key) => median(results.map((r) => r[key]));
  const m = {
    route,
    performance: pick('performance'),
    lcp_ms: pick('lcp_ms'),
    tbt_ms: pick('tbt_ms'),
    cls: pick('cls'),
    accessibility: pick('accessibility'),
    best_practices: pick('best_practices'),
    first_load_bytes: pick('first_load_bytes'),
  };
  medians.push(m);
  const budget = floor ? '-' : `${BUDGETS[route] ?? OTHER_BUDGET} KiB`;
  console.log(
    row([
      floor ? 'floor' : route,
      score(m.performance),
      Math.round(m.lcp_ms),
      Math.round(m.tbt_ms),
      m.cls.toFixed(3),
      score(m.accessibility),
      score(m.best_practices),
      kib(m.first_load_bytes),
      budget,
      kib(pick('worker_bytes')),
    ]),
  );
}

if (process.env.KEYDECK_LIGHTHOUSE_JSON) {
  writeFileSync(process.env.KEYDECK_LIGHTHOUSE_JSON, `${JSON.stringify(medians, null, 2)}\n`);
}
