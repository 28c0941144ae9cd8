// Hub administration: a page of sections, each owned by its area (proposals, pool, roles,
// dashboards, notifications). Sections register in ./sections.tsx.
import { Title2, makeStyles, tokens, Card, CardHeader, Subtitle1 } from '@fluentui/react-components';
import { useApp } from '../../MeContext';
import { ADMIN_SECTIONS } from './sections';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalM },
});

export function AdminPage() {
  const styles = useStyles();
  const { me } = useApp();
  const sections = ADMIN_SECTIONS.filter((s) => s.visible(me));
  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" block id="page-title">
        Hub administration
      </Title2>
      <div className={styles.list}>
        {sections.map((s) => (
          <Card key={s.id} aria-labelledby={`admin-${s.id}`}>
            <CardHeader header={<Subtitle1 as="h2" id={`admin-${s.id}`}>{s.title}</Subtitle1>} />
            <s.Component />
          </Card>
        ))}
      </div>
    </section>
  );
}
