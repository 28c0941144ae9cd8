// The tab's first load, as a phone on a mobile network sees it: Lighthouse 12's mobile preset
// (Moto G Power screen, simulated slow 4G, CPU slowdown) on the calendar, in Debian's Chromium,
// against the built app with demo data on a free loopback port. Prints the median of the runs for
// each figure with its goal (issue #13), and the calendar's first load in bytes on the wire.
//
// CPU slowdown: the preset's 4× assumes a fast desktop host (Lighthouse BenchmarkIndex 1500-2000)
// and turns it into a mid-tier phone. A busy 2-core machine shared with other test runs measures
// far below that (often 300-600, itself "mid-tier mobile"), where 4× would emulate a phone several
// times slower than the one the preset means. So, as Lighthouse's docs/throttling.md says
// ("Calibrating the CPU slowdown"), the first run measures this host's BenchmarkIndex with the
// preset as is (printed as such), and the measured runs use the multiplier that docs' table gives
// for that index to target a mid-tier phone. Both are printed.
//
//   npm run bench -- tab          (TAB_RUNS=5 for more runs; BENCH_NO_BUILD=1 to use dist/tab as is)
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import lighthouse from 'lighthouse';
// The mobile preset's network figures, so a calibrated run changes only the CPU slowdown.
import { throttling } from 'lighthouse/core/config/constants.js';
import { startDemoApp } from '../scripts/demoApp.js';
import { freePort } from '../src/storage/azurite.js';
import { projectRoot } from '../src/paths.js';
import { launchBrowser } from '../scripts/chromium.js';
import { percentile, runBench } from './stats.js';

const RUNS = Number(process.env.TAB_RUNS ?? 3);
// A member (health care assistant, North Kent) opening the static tab's start page.
const PERSON = 'devUser=6f1c2a7e-3b4d-4c5e-9f60-1a2b3c4d5e10&devName=Kirsty%20McLean';

interface Run {
  benchmarkIndex: number;
  multiplier: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  scriptBytes: number;
  allBytes: number;
  requests: number;
  failed: string[];
}

interface NetworkItem {
  url: string;
  transferSize?: number;
  resourceType?: string;
}

/**
 * The CPU slowdown that makes this host a mid-tier phone, from the table in Lighthouse's
 * docs/throttling.md: high-end desktop (1500+) 4×, low-end desktop (1000-1500) 2×, high-end
 * mobile (800-1000) 2×, mid-tier mobile or below (<800) 1×.
 */
export function calibratedMultiplier(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1500) return 4;
  if (benchmarkIndex >= 800) return 2;
  return 1;
}

async function lighthouseRun(url: string, port: number, cpuSlowdownMultiplier?: number): Promise<Run> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] },
    // The default config (mobile preset), with only the CPU slowdown changed when calibrated.
    cpuSlowdownMultiplier === undefined ? undefined : { extends: 'lighthouse:default', settings: { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier } } },
  );
  if (!result) throw new Error('Lighthouse returned nothing');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter((i) => i.url.startsWith('http://127.0.0.1'));
  const scripts = items.filter((i) => i.resourceType === 'Script' || i.resourceType === 'Stylesheet');
  const failed = Object.entries(lhr.categories)
    .filter(([id]) => id !== 'performance')
    .flatMap(([, cat]) => cat.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id));
  return {
    benchmarkIndex: lhr.environment.benchmarkIndex,
    multiplier: lhr.configSettings.throttling.cpuSlowdownMultiplier,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    scriptBytes: scripts.reduce((n, i) => n + (i.transferSize ?? 0), 0),
    allBytes: items.reduce((n, i) => n + (i.transferSize ?? 0), 0),
    requests: items.length,
    failed,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

async function main() {
  if (process.env.BENCH_NO_BUILD !== '1') {
    const build = spawnSync('npm', ['run', '--silent', 'build:tab'], { cwd: projectRoot(), stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build:tab failed');
  }
  const demo = await startDemoApp();
  const port = await freePort();
  // Lighthouse drives it over the DevTools protocol on this port.
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  const runs: Run[] = [];
  let presetRun: Run | undefined;
  try {
    const url = `${demo.url}/tab/calendar?${PERSON}`;
    // One load first, so the server's caches and Azurite's first queries are not in the figures.
    const warm = await browser.newPage();
    await warm.goto(url);
    await warm.getByRole('heading', { name: 'PLT calendar' }).waitFor({ timeout: 60_000 });
    await warm.close();
    const preset = await lighthouseRun(url, port);
    console.log(`host: BenchmarkIndex ${preset.benchmarkIndex}, load average ${loadavg()[0].toFixed(1)} on ${navigatorCores()} cores`);
    report('preset (4× CPU, uncalibrated)', preset);
    const multiplier = calibratedMultiplier(preset.benchmarkIndex);
    for (let i = 0; i < RUNS; i++) {
      const run = await lighthouseRun(url, port, multiplier);
      runs.push(run);
      report(`run ${i + 1} (${multiplier}× CPU, calibrated)`, run);
    }
    presetRun = preset;
  } finally {
    await browser.close();
    await demo.close();
  }

  const median = (pick: (r: Run) => number) => percentile(runs.map(pick), 50);
  const perf = median((r) => r.performance);
  const a11y = median((r) => r.accessibility);
  const bp = median((r) => r.bestPractices);
  const bytes = median((r) => r.scriptBytes);
  const failing = [...new Set(runs.flatMap((r) => r.failed))];
  console.log(`\nLighthouse ${lighthouseVersion()}, mobile preset (simulated slow 4G), CPU slowdown ${runs[0].multiplier}× calibrated for BenchmarkIndex ${presetRun?.benchmarkIndex} (docs/throttling.md), medians of ${RUNS} runs:`);
  console.log(`FIGURE calendar first-load JS+CSS on the wire = ${kb(bytes)} (goal ≤ 150 KB) ${verdict(bytes <= 150 * 1024)}`);
  console.log(`FIGURE calendar first load, everything on the wire = ${kb(median((r) => r.allBytes))} in ${median((r) => r.requests)} requests (HTML, scripts, API answers, icon)`);
  console.log(`FIGURE Lighthouse mobile performance = ${perf} (goal ≥ 80) ${verdict(perf >= 80)}`);
  console.log(`FIGURE Lighthouse accessibility = ${a11y} (goal 100) ${verdict(a11y >= 100)}`);
  console.log(`FIGURE Lighthouse best practices = ${bp} (goal ≥ 95) ${verdict(bp >= 95)}`);
  console.log(`FIGURE FCP ${median((r) => r.fcp).toFixed(0)} ms · LCP ${median((r) => r.lcp).toFixed(0)} ms · TBT ${median((r) => r.tbt).toFixed(0)} ms · CLS ${median((r) => r.cls).toFixed(3)}`);
  if (presetRun) console.log(`FIGURE uncalibrated preset on this host (4× CPU): performance ${presetRun.performance}, TBT ${presetRun.tbt.toFixed(0)} ms, LCP ${presetRun.lcp.toFixed(0)} ms`);
  if (failing.length) console.log(`audits short of full marks (accessibility, best practices): ${failing.join(', ')}`);
}

function report(label: string, run: Run): void {
  console.log(
    `${label}: performance ${run.performance}, accessibility ${run.accessibility}, best practices ${run.bestPractices}; FCP ${run.fcp.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms, TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}; JS+CSS ${kb(run.scriptBytes)}, all ${kb(run.allBytes)} in ${run.requests} requests`,
  );
}

const navigatorCores = () => (spawnSync('nproc', { encoding: 'utf8' }).stdout ?? '').trim() || '?';

function lighthouseVersion(): string {
  try {
    return (spawnSync(process.execPath, ['-p', "require('lighthouse/package.json').version"], { cwd: projectRoot(), encoding: 'utf8' }).stdout ?? '').trim();
  } catch {
    return '?';
  }
}

runBench(main);
