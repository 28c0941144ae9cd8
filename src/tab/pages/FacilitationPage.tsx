// Facilitation: my requests (and the request form), my offers, my availability.
import { useState } from 'react';
import { Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { MyRequests } from '../facilitation/MyRequests';
import { MyOffers } from '../facilitation/MyOffers';
import { MyAvailability } from '../facilitation/MyAvailability';

const useStyles = makeStyles({ panel: { marginTop: tokens.spacingVerticalM }, tabs: { overflowX: 'auto' } });

const SECTIONS = [
  { value: 'requests', label: 'My requests', Component: MyRequests },
  { value: 'offers', label: 'My offers', Component: MyOffers },
  { value: 'availability', label: 'My availability', Component: MyAvailability },
] as const;

export function FacilitationPage() {
  const styles = useStyles();
  const initial = new URLSearchParams(window.location.search).get('section');
  const [section, setSection] = useState<string>(SECTIONS.some((s) => s.value === initial) ? (initial as string) : 'requests');
  const current = SECTIONS.find((s) => s.value === section) ?? SECTIONS[0];
  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" id="page-title">
        Facilitation
      </Title2>
      <div className={styles.tabs}>
        <TabList selectedValue={section} onTabSelect={(_, d) => setSection(String(d.value))} aria-label="Facilitation sections">
          {SECTIONS.map((s) => (
            <Tab key={s.value} value={s.value} id={`facilitation-tab-${s.value}`}>
              {s.label}
            </Tab>
          ))}
        </TabList>
      </div>
      <div className={styles.panel} role="tabpanel" aria-labelledby={`facilitation-tab-${current.value}`}>
        <current.Component />
      </div>
    </section>
  );
}
