// The Teams host, when there is one: initialise teams-js, read the theme and context, get an SSO
// token. In a plain browser (dev mode) there is no host and the tab runs on its own.
//
// teams-js is a large library that only a tab inside Teams (an iframe) needs, so it is loaded on
// demand: the download starts as soon as this module runs inside a frame, in parallel with the rest.
import { authMode } from './session';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  inTeams: boolean;
  theme: ThemeName;
  /** Teams channel the tab is pinned in (channel tab), if any. */
  channelId?: string;
  teamId?: string;
  frameContext?: string;
  /** The sub-page a Teams deep link asked for (`context.subEntityId`), e.g. "events/e…" from the activity feed. */
  subPageId?: string;
}

const asTheme = (t: string | null | undefined): ThemeName => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default');

const framed = window.parent !== window;
const teamsJs = framed ? import('@microsoft/teams-js') : null;
// Never an unhandled rejection if the chunk fails to load; initialiseHost reports it as "no host".
teamsJs?.catch(() => undefined);

const THEME_KEY = 'virtual-cafe.theme';

/**
 * Outside Teams: `?theme=default|dark|contrast` in dev mode (kept for the browser session, so tests
 * and screenshots can choose), else the system's forced colours or dark preference.
 */
function browserTheme(): ThemeName {
  if (authMode() === 'dev') {
    const param = new URLSearchParams(window.location.search).get('theme');
    if (param) {
      sessionStorage.setItem(THEME_KEY, asTheme(param));
      return asTheme(param);
    }
    const saved = sessionStorage.getItem(THEME_KEY);
    if (saved) return asTheme(saved);
  }
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

let inTeams = false;

/** The theme to paint with before the host answers: the browser's outside Teams; Teams' own once known. */
export const initialTheme = (): ThemeName => (framed ? 'default' : browserTheme());

export async function initialiseHost(): Promise<HostInfo> {
  if (!teamsJs) return { inTeams: false, theme: browserTheme() };
  try {
    const { app } = await teamsJs;
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('no host')), 3000))]);
    const context = await app.getContext();
    inTeams = true;
    app.notifySuccess();
    return {
      inTeams: true,
      theme: asTheme(context.app.theme),
      channelId: context.channel?.id,
      teamId: context.team?.groupId,
      frameContext: context.page.frameContext,
      subPageId: context.page.subPageId,
    };
  } catch {
    return { inTeams: false, theme: browserTheme() };
  }
}

export function onThemeChange(handler: (theme: ThemeName) => void): void {
  if (inTeams && teamsJs) void teamsJs.then(({ app }) => app.registerOnThemeChangeHandler((t) => handler(asTheme(t))));
}

export const isInTeams = () => inTeams;
