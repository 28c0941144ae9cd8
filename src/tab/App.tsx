// The tab frame: header, navigation between pages, and the page itself.
import { Body1, Caption1, makeStyles, tokens, Tab, TabList, Title3 } from '@fluentui/react-components';
import { CONFIG_PAGE, PAGES, PRIVACY_PAGE } from './pages';
import { Link, navigate, useLocation } from './router';
import { useApp } from './MeContext';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nav: { padding: `0 ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1, overflowX: 'auto' },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalL, maxWidth: '1200px', width: '100%', boxSizing: 'border-box', margin: '0 auto' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end' },
});

export function App() {
  const styles = useStyles();
  const { me } = useApp();
  const { path } = useLocation();
  const visible = PAGES.filter((p) => p.visible(me));
  const page = [CONFIG_PAGE, PRIVACY_PAGE].find((p) => p.path === path) ?? PAGES.find((p) => path === p.path || path.startsWith(p.path + '/')) ?? PAGES[0];
  const roleText = me.roles.map((r) => `${r.role} (${r.hubs.join(', ')})`).join('; ');

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <Title3 as="p">Virtual Café</Title3>
        <div className={styles.who} data-testid="signed-in-user">
          <Body1>{me.name}</Body1>
          <Caption1>
            {me.guest ? 'Guest' : roleText || 'Member'} · <Link href="/tab/privacy">Your data</Link>
          </Caption1>
        </div>
      </header>
      {page !== CONFIG_PAGE && (
        <nav className={styles.nav} aria-label="Virtual Café sections">
          <TabList selectedValue={page.path} onTabSelect={(_, d) => navigate(String(d.value))}>
            {visible.map((p) => (
              <Tab key={p.path} value={p.path}>
                {p.label}
              </Tab>
            ))}
          </TabList>
        </nav>
      )}
      <main id="main" className={styles.main} tabIndex={-1}>
        {page.render()}
      </main>
    </div>
  );
}
