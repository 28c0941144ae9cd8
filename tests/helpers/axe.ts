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

/** Runs axe-core on the page as it is now; answers the violations at the given impacts. */
export async function axeProblems(page: Page, options: AxeOptions = {}): Promise<AxeProblem[]> {
  const impacts = options.impacts ?? ['serious', 'critical'];
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
