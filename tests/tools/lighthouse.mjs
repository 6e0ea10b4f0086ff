// Lighthouse's mobile run (simulated slow 4G, CPU slowdown calibrated to
// this machine) on each route, cold every time, and the median of several
// runs per route. Run by `cargo xtask bench` against the release build
// served with brotli; it measures, it does not judge (xtask/src/budget.rs
// does).
//
//   node tools/lighthouse.mjs BASE_URL [runs] [--floor]
//
// A route's first load is every request Lighthouse saw, brotli bytes as
// sent; the last column is the part that is the labs worker's prefetch.
// `--floor` measures `/` only and labels it "floor" (the bare Leptos app).
// KEYDECK_LIGHTHOUSE_ROUTES=/a,/b measures only those routes, and
// KEYDECK_LIGHTHOUSE_TASKS=1 prints each run's long tasks as simulated.
// With KEYDECK_LIGHTHOUSE_JSON set, the medians are also written there as
// [{route, performance, lcp_ms, tbt_ms, cls, accessibility, best_practices,
// first_load_bytes}].
//
// The CPU slowdown is relative to the machine Lighthouse runs on, so its
// default 4x emulates a mid-tier phone only from a high-end desktop
// (Lighthouse's docs/throttling.md: benchmark index 1500-2000, and "on a
// weaker machine, you can lower it"). The phone emulated here is the one
// 4x makes of a desktop at the middle of that bracket, 1750: each run's
// slowdown is 4 x (its benchmark index / 1750). The index is the one
// Lighthouse measures in that run's browser, just before it loads the
// page: the run is gathered first, then audited with its own slowdown
// (the simulated throttling is applied while auditing, so the gathered
// trace is the same whatever the slowdown). The median index and slowdown
// are printed. KEYDECK_CPU_SLOWDOWN=N fixes the slowdown instead.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { throttling as presets } from 'lighthouse/core/config/constants.js';

const mobileSlow4G = presets.mobileSlow4G;

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
const allRoutes = floor ? ['/'] : ['/', '/study', '/quiz', '/walkthroughs/snapshot-copy/1'];
// KEYDECK_LIGHTHOUSE_ROUTES=/a,/b measures only those routes, for a quick look at one.
const routes = process.env.KEYDECK_LIGHTHOUSE_ROUTES ? process.env.KEYDECK_LIGHTHOUSE_ROUTES.split(',') : allRoutes;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** The benchmark index of the desktop Lighthouse's default 4x slowdown is meant for. */
const REFERENCE_INDEX = 1750;
const DEFAULT_SLOWDOWN = 4;

const fixedSlowdown = process.env.KEYDECK_CPU_SLOWDOWN ? Number(process.env.KEYDECK_CPU_SLOWDOWN) : null;
if (fixedSlowdown !== null && !(fixedSlowdown > 0)) {
  console.error(`lighthouse.mjs: KEYDECK_CPU_SLOWDOWN must be a positive number, not ${JSON.stringify(process.env.KEYDECK_CPU_SLOWDOWN)}`);
  process.exit(2);
}
const categories = ['performance', 'accessibility', 'best-practices'];

/** The slowdown for a run on a machine of benchmark index `index`. */
const calibrated = (index) => fixedSlowdown ?? Math.round((DEFAULT_SLOWDOWN * index * 10) / REFERENCE_INDEX) / 10;

/**
 * One cold Lighthouse run: a new Chrome with a fresh profile, storage
 * reset. Gathered, then audited with the slowdown its benchmark calls for.
 */
async function measure(url) {
  const saved = mkdtempSync(join(tmpdir(), 'keydeck-lighthouse-'));
  try {
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'] });
    try {
      await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: categories, gatherMode: saved });
    } finally {
      await chrome.kill();
    }
    const file = join(saved, 'artifacts.json');
    const artifacts = JSON.parse(readFileSync(file, 'utf8'));
    const index = artifacts.BenchmarkIndex;
    if (!fixedSlowdown && !(index > 0)) throw new Error(`Lighthouse on ${url} measured no benchmark index`);
    const slowdown = calibrated(index);
    const throttling = { ...mobileSlow4G, cpuSlowdownMultiplier: slowdown };
    artifacts.settings.throttling = throttling;
    writeFileSync(file, JSON.stringify(artifacts));
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: categories, auditMode: saved, throttling });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no report for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
    if (process.env.KEYDECK_LIGHTHOUSE_TASKS) {
      // The run's figures, its largest paint, and the long main-thread tasks
      // as the audit simulated them, for finding what blocks or paints late.
      const lcpItem = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
      console.log(`run: perf ${lhr.categories.performance.score}, LCP ${Math.round(audit('largest-contentful-paint'))} ms (${lcpItem?.selector ?? '?'} ${JSON.stringify(lcpItem?.boundingRect ?? {})}), TBT ${Math.round(audit('total-blocking-time'))} ms, CPU ${slowdown}x`);
      const seen = lhr.audits.metrics?.details?.items?.[0] ?? {};
      console.log(`  observed: FCP ${seen.observedFirstContentfulPaint} ms, LCP ${seen.observedLargestContentfulPaint} ms, load ${seen.observedLoad} ms`);
      for (const t of lhr.audits['long-tasks']?.details?.items ?? []) {
        console.log(`  long task at ${Math.round(t.startTime)} ms: ${Math.round(t.duration)} ms, ${t.url}`);
      }
    }
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    return {
      index,
      slowdown,
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
    rmSync(saved, { recursive: true, force: true });
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
const columns = ['route', 'index', 'CPU', 'perf', 'LCP ms', 'TBT ms', 'CLS', 'a11y', 'best pr.', 'first load', 'budget', 'of it, labs worker'];
const widths = [32, 6, 5, 5, 7, 7, 6, 5, 8, 12, 10, 19];
const row = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');

const slowdownWords = fixedSlowdown
  ? `${fixedSlowdown}x CPU, as KEYDECK_CPU_SLOWDOWN says`
  : `CPU slowdown 4x at benchmark index ${REFERENCE_INDEX}, in proportion to each run's index`;
console.log(`Lighthouse ${floor ? 'floor' : 'KeyDeck'}: mobile, simulated slow 4G, ${slowdownWords}; median of ${runs} cold run${runs === 1 ? '' : 's'}`);
console.log(row(columns));
const medians = [];
for (const route of routes) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(new URL(route, base).href));
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
      Math.round(pick('index')),
      `${pick('slowdown').toFixed(1)}x`,
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
