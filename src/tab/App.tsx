// The tab frame: header, navigation between pages, and the page itself (its own chunk, with a
// skeleton while it loads). Addresses are matched in src/tab/pages/index.tsx.
import { Suspense, useEffect, useRef } from 'react';
import { Body1, Caption1, makeStyles, tokens, Subtitle2 } from '@fluentui/react-components';
import { PAGES, matchRoute, type Route } from './pages';
import { Link, redirect, useLocation } from './router';
import { useApp } from './MeContext';
import { Nav } from './components/Nav';
import { PageSkeleton } from './components/Status';
import { PageBoundary } from './components/PageBoundary';
import { AdminNoAccess, NotFoundPage } from './components/ShellPages';
import type { Me } from './types';
import { roleText } from './components/names';

const PHONE = '@media (max-width: 599px)';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  top: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Header, navigation and page share one column (max 1200 px, centred), so they line up.
  header: {
    maxWidth: '1200px',
    margin: '0 auto',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
    [PHONE]: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} 0` },
  },
  title: { flexShrink: 0, margin: 0 },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', minWidth: 0, textAlign: 'right' },
  name: { maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // On a phone the header is one short line: name and "Your data"; the roles wait for a wider screen.
  roles: { [PHONE]: { display: 'none' } },
  // Link padding (M) + this = the header's padding, so the first link lines up with the title.
  nav: { maxWidth: '1200px', margin: '0 auto', boxSizing: 'border-box', padding: `0 ${tokens.spacingHorizontalXS}`, [PHONE]: { padding: 0 } },
  main: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    width: '100%',
    boxSizing: 'border-box',
    margin: '0 auto',
    ':focus': { outline: 'none' },
    [PHONE]: { padding: tokens.spacingHorizontalM },
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  },
});

/** "Hub coordinator for West Kent; Organiser for all of Kent & Medway" — names, never codes, in the same words as Admin's roles table. */
export function rolesText(me: Me): string {
  if (me.guest) return 'Guest';
  if (!me.roles.length) return 'Member';
  return me.roles.map(roleText).join('; ');
}

function titleOf(route: Route): string {
  if (route.kind === 'page') return route.page.label;
  return 'Page not found';
}

export function App() {
  const styles = useStyles();
  const { me } = useApp();
  const { path } = useLocation();
  const route = matchRoute(path);
  const mainRef = useRef<HTMLElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    const current = matchRoute(path);
    if (current.kind === 'redirect') {
      redirect(current.to + window.location.search);
      return;
    }
    document.title = `${titleOf(current)} · Virtual Café`;
    // After moving to another page in the app, put keyboard and screen-reader focus at its start,
    // as a full page load would; not on the first load (the person has not done anything yet).
    if (moved.current) mainRef.current?.focus({ preventScroll: true });
    moved.current = true;
  }, [path]);

  if (route.kind === 'redirect') return null;
  const page = route.kind === 'page' ? route.page : null;
  const showNav = page?.id !== 'config';
  const currentNav = page?.navId ?? page?.id;
  const entries = PAGES.filter((p) => p.nav(me)).map((p) => ({ id: p.id, path: p.path, label: p.label }));

  let content;
  if (!page) content = <NotFoundPage />;
  else if (page.allowed && !page.allowed(me)) content = <AdminNoAccess me={me} />;
  else
    content = (
      <PageBoundary resetKey={path}>
        <Suspense fallback={<PageSkeleton label={`Opening ${page.label}…`} />}>
          <page.Component params={route.kind === 'page' ? route.params : []} />
        </Suspense>
      </PageBoundary>
    );

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <div className={styles.top} data-testid="shell-top">
        <header className={styles.header}>
          <Subtitle2 as="p" className={styles.title}>
            Virtual Café
          </Subtitle2>
          <div className={styles.who} data-testid="signed-in-user">
            <Body1 className={styles.name}>{me.name}</Body1>
            <Caption1>
              <span className={styles.roles}>{rolesText(me)} · </span>
              <Link href="/tab/privacy">Your data</Link>
            </Caption1>
          </div>
        </header>
        {showNav && (
          <nav className={styles.nav} aria-label="Virtual Café sections">
            <Nav entries={entries} currentId={currentNav} />
          </nav>
        )}
      </div>
      <main id="main" ref={mainRef} className={styles.main} tabIndex={-1}>
        {content}
      </main>
    </div>
  );
}
