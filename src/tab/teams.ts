// The Teams host, when there is one: initialise teams-js, read the theme and context. In a plain
// browser (dev mode) initialisation fails fast and the tab runs on its own. (Sign-in: auth.ts.)
import { app } from '@microsoft/teams-js';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  inTeams: boolean;
  theme: ThemeName;
  /** Teams channel the tab is pinned in (channel tab), if any. */
  channelId?: string;
  teamId?: string;
  frameContext?: string;
}

const asTheme = (t: string | undefined): ThemeName => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default');

function browserTheme(): ThemeName {
  const param = new URLSearchParams(window.location.search).get('theme');
  if (param) return asTheme(param);
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

let inTeams = false;

export async function initialiseHost(): Promise<HostInfo> {
  // Outside an iframe there is no Teams host to talk to.
  if (window.parent === window) return { inTeams: false, theme: browserTheme() };
  try {
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
    };
  } catch {
    return { inTeams: false, theme: browserTheme() };
  }
}

export function onThemeChange(handler: (theme: ThemeName) => void): void {
  if (inTeams) app.registerOnThemeChangeHandler((t) => handler(asTheme(t)));
}

export const isInTeams = () => inTeams;
