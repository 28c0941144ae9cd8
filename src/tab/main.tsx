// Tab entry point: find the host (Teams or a plain browser), apply its theme, learn who is signed
// in, then render the app.
//
// First load does everything it can at once: the page's code starts downloading as soon as this
// module runs, and as soon as the identity is known (the Teams host, or ?devUser= in dev mode),
// /api/me and the page's own first requests (the calendar's events) go out together; the page
// picks those answers up when it asks (src/tab/api.ts, prefetch). A skeleton holds the layout
// meanwhile.
import { StrictMode, Suspense, lazy, startTransition, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import { initialiseHost, initialTheme, onThemeChange, type HostInfo, type ThemeName } from './teams';
import { authMode, devUser } from './session';
import { apiFetch, prefetch } from './api';
import type { Me } from './types';
import { App } from './App';
import { AppContext } from './MeContext';
import { ErrorBar } from './components/Status';
import { ShellSkeleton } from './components/ShellSkeleton';
import { matchRoute, type Route } from './pages';
import { redirect } from './router';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const DevSignIn = lazy(() => import('./components/DevSignIn').then((m) => ({ default: m.DevSignIn })));

// Fluent gives every portal (tooltips, popovers, dialogs) the provider's classes too, so nothing
// here may size or place a box: a full-height provider made each tooltip's portal a page-sized
// layer in the theme's background over the page. The app shell has its own full height.
const useStyles = makeStyles({
  light: { colorScheme: 'light' },
  // Native parts (scroll bars, <select> lists, date pickers) follow a dark theme too.
  dark: { colorScheme: 'dark' },
  centre: { padding: tokens.spacingHorizontalXXL, maxWidth: '560px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function startFirstRequests(route: Route): void {
  prefetch('/api/me');
  if (route.kind !== 'page') return;
  for (const path of route.page.firstRequests?.(route.params, new URLSearchParams(window.location.search), window.innerWidth) ?? []) prefetch(path);
}

const firstRoute = matchRoute(window.location.pathname);
// The page's chunk (the calendar's is already preloaded by index.html).
if (firstRoute.kind === 'page') firstRoute.page.load().catch(() => undefined);
const firstHost = initialiseHost().then((host) => {
  if (authMode() !== 'dev' || devUser()) startFirstRequests(firstRoute);
  return host;
});

function Root() {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | null>(null);
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [needsDevUser, setNeedsDevUser] = useState(false);

  const loadMe = useCallback(async () => {
    if (authMode() === 'dev' && !devUser()) {
      setNeedsDevUser(true);
      return;
    }
    setNeedsDevUser(false);
    try {
      const answer = await apiFetch<Me>('/api/me');
      // Rendering the whole app is the largest piece of work on first load: as a transition React
      // does it in slices, so the page stays responsive (no long task) while it fills in.
      startTransition(() => {
        setMe(answer);
        setError(null);
      });
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void (async () => {
      const info = await firstHost;
      // A deep link to one event (the activity feed's) opens that event's page.
      const linked = /^events\/(e[0-9a-f]{1,32})$/.exec(info.subPageId ?? '');
      if (linked && window.location.pathname !== `/tab/events/${linked[1]}`) redirect(`/tab/events/${linked[1]}`);
      startTransition(() => {
        setHost(info);
        setTheme(info.theme);
      });
      onThemeChange(setTheme);
      await loadMe();
    })();
  }, [loadMe]);

  useEffect(() => {
    // The page behind the app (overscroll, the moment before the provider paints) matches the theme.
    document.documentElement.style.backgroundColor = THEMES[theme].colorNeutralBackground2;
    document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [theme]);

  let content;
  if (needsDevUser)
    content = (
      <Suspense fallback={null}>
        <DevSignIn onDone={() => void loadMe()} />
      </Suspense>
    );
  else if (error)
    content = (
      <main className={styles.centre}>
        <ErrorBar error={error} title="Could not open the Virtual Café" />
        <Button onClick={() => void loadMe()}>Try again</Button>
      </main>
    );
  else if (!host || !me) content = <ShellSkeleton />;
  else
    content = (
      <AppContext.Provider value={{ me, host, refreshMe: loadMe }}>
        <App />
      </AppContext.Provider>
    );

  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme} className={theme === 'default' ? styles.light : styles.dark}>
      {content}
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
