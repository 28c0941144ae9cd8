// The shell's shape before anything is known (first load): the header with the app's name, the
// navigation's row and a page placeholder, so the real shell replaces it without the page jumping.
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Bone, PageSkeleton } from './Status';

const useStyles = makeStyles({
  top: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  column: { maxWidth: '1200px', margin: '0 auto' },
  title: { margin: 0 },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, minHeight: '36px' },
  nav: { display: 'flex', gap: tokens.spacingHorizontalL, minHeight: '40px', alignItems: 'center', overflow: 'hidden' },
  main: { padding: tokens.spacingHorizontalL, maxWidth: '1200px', margin: '0 auto', boxSizing: 'border-box', width: '100%' },
  shell: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

export function ShellSkeleton() {
  const styles = useStyles();
  return (
    <div className={styles.shell}>
      <div aria-hidden className={styles.top}>
        <div className={styles.column}>
          <div className={styles.row}>
            <Subtitle2 as="p" className={styles.title}>
              Virtual Café
            </Subtitle2>
            <Bone style={{ width: 140 }} />
          </div>
          <div className={styles.nav}>
            {[72, 96, 72, 88].map((w, i) => (
              <Bone key={i} style={{ width: w, flexShrink: 0 }} />
            ))}
          </div>
        </div>
      </div>
      <main className={styles.main}>
        <PageSkeleton label="Opening the Virtual Café…" />
      </main>
    </div>
  );
}
