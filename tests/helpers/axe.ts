// axe-core in Chromium: inject the npm package's own build into a page and run it, keeping what
// matters for the tab's bar (serious and critical violations). Shared by the shell's and the
// pages' accessibility sweeps, so both use the same rules, themes and screen sizes.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// The browser build of axe-core, read once (about 550 KB).
let axeSource: string | undefined;
const source = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** The three Teams themes, as the tab's `?theme=` parameter names them (dev mode). */
export const THEMES = ['default', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

/** Desktop and phone screens every page is checked at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of (up to five of) the offending nodes, with axe's summary of what is wrong. */
  nodes: { target: string; summary: string }[];
}

export interface AxeOptions {
  /** Limit the run to this part of the page (a CSS selector); default the whole document. */
  include?: string;
  /** Impacts that count; default serious and critical. */
  impacts?: string[];
  /** Rule ids to switch off, each with a reason in the caller. */
  disableRules?: string[];
}

/**
 * Waits until nothing on the page is moving: two frames for React to commit and the browser to
 * style what a resize or a click changed, then every finite CSS animation and transition finished
 * (an endless one, a skeleton's pulse, never settles and is left alone). Colours measured mid-fade
 * are blends of two states: a button turning from primary to secondary in high contrast is grey on
 * grey (#808080 on #7f7f7f) half-way. Tests also emulate prefers-reduced-motion, which the tab
 * honours, so this is normally two frames.
 */
export async function untilStill(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
    for (let round = 0; round < 20; round++) {
      await frame();
      await frame();
      const moving = document.getAnimations().filter((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
      if (moving.length === 0) return;
      await Promise.race([Promise.allSettled(moving.map((a) => a.finished)), new Promise((done) => setTimeout(done, 2000))]);
    }
  })()`);
}

/** Runs axe-core on the page once it is still; answers the violations at the given impacts. */
export async function axeProblems(page: Page, options: AxeOptions = {}): Promise<AxeProblem[]> {
  const impacts = options.impacts ?? ['serious', 'critical'];
  await untilStill(page);
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: source() });
  const rules = Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }]));
  // A string expression: the test project has no DOM types, and the page runs it as written.
  const context = options.include ? JSON.stringify({ include: [options.include] }) : 'document';
  const runOptions = JSON.stringify({
    rules,
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  });
  const result = (await page.evaluate(`window.axe.run(${context}, ${runOptions})`)) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  };
  return result.violations
    .filter((v) => impacts.includes(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
    }));
}

/** One readable line per violation and node, for an assertion message. */
export function describeProblems(problems: AxeProblem[]): string {
  return problems.map((p) => `${p.impact} ${p.id}: ${p.help}\n${p.nodes.map((n) => `    at ${n.target} — ${n.summary}`).join('\n')}`).join('\n');
}

/** Fails with every serious/critical violation listed, naming where (page, theme, size). */
export async function assertNoSeriousAxe(page: Page, where: string, options: AxeOptions = {}): Promise<void> {
  const problems = await axeProblems(page, options);
  if (problems.length) throw new Error(`axe-core: ${problems.length} serious/critical on ${where}:\n${describeProblems(problems)}`);
}

/**
 * After a dialog closes: nothing outside a dialog is hidden from assistive technology. A modal
 * dialog hides the rest of the page (aria-hidden on #root) and must give it back — Fluent's tabster
 * does so about 250 ms after the dialog goes, so this waits up to 3 s. Icons and other decorations
 * (and the navigation's links that moved under "More", taken out of the tab order) are aria-hidden on
 * purpose; what counts is an aria-hidden element with a control inside that Tab still reaches.
 */
export async function assertNothingHiddenOutsideDialogs(page: Page, where: string): Promise<void> {
  const hidden = `[...document.querySelectorAll('[aria-hidden="true"]')]
    .filter((e) => !e.closest('[role="dialog"], [role="alertdialog"]') && e.querySelector(':is(a[href], button, input, select, textarea, [tabindex]):not([tabindex="-1"], [disabled])'))
    .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''))`;
  try {
    await page.waitForFunction(`(${hidden}).length === 0`, null, { timeout: 3000 });
  } catch {
    throw new Error(`${where}: still aria-hidden after the dialog closed, with focusable controls inside: ${((await page.evaluate(hidden)) as string[]).join(', ')}`);
  }
}
