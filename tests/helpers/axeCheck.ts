// axe-core in Chromium for the tab's pages: inject the npm package's browser build and keep the
// serious and critical violations. (The shell's helper, tests/helpers/axe.ts, does the same; this
// one stands alone so the pages' sweep does not wait for it.)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { untilStill } from './axe.js';

export { untilStill } from './axe.js';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const source = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export const THEMES = ['default', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEMES)[number];
export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

export interface AxeOptions {
  /** Impacts that count; default serious and critical. */
  impacts?: string[];
  /** Check only this part of the page (a CSS selector), e.g. a page's content without the shell. */
  include?: string;
}

/** Serious and critical violations on the page once it is still (WCAG 2.x A/AA and best practice, plus label-in-name). */
export async function axeProblems(page: Page, options: AxeOptions = {}): Promise<AxeProblem[]> {
  const impacts = options.impacts ?? ['serious', 'critical'];
  await untilStill(page);
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: source() });
  const result = (await page.evaluate((include) =>
    (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(include ? { include: [include] } : (globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Experimental, so off by default: a visible label must be part of the accessible name (WCAG 2.5.3).
      rules: { 'label-content-name-mismatch': { enabled: true } },
    }), options.include,
  )) as { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] };
  return result.violations
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(n.html)) } : v))
    .filter((v) => v.nodes.length > 0 && impacts.includes(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
    }));
}

/**
 * Fluent's focus manager (tabster) puts an `<i data-tabster-dummy aria-hidden tabindex=0>` either
 * side of an arrow-key group (e.g. a chart's bars) to catch Tab and hand focus on; it is focusable
 * and hidden on purpose (screen readers must not announce it). axe's aria-hidden-focus reports it,
 * a known false positive: microsoft/tabster#288 (maintainer: intentionally focusable with
 * aria-hidden), suppressed by Accessibility Insights in microsoft/accessibility-insights-web#7605.
 * Only that element, only that rule: anything else aria-hidden and focusable still fails.
 */
const isTabsterDummy = (html: string) => /^<i [^>]*data-tabster-dummy=""/.test(html);

export function describeProblems(problems: AxeProblem[]): string {
  return problems.map((p) => `${p.impact} ${p.id}: ${p.help}\n${p.nodes.map((n) => `    at ${n.target} ${n.html} — ${n.summary}`).join('\n')}`).join('\n');
}
