// Facilitation: opens on what the person can do — a facilitator on their offers, a lead on their
// requests — and shows only the sections that apply; someone who is neither reads what it is and
// how to take part.
import { AppLink } from '../components/AppLink';
import { useState } from 'react';
import { Body1, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, apiFetch } from '../api';
import { useAsync } from '../components/useAsync';
import { ErrorBar, Loading } from '../components/Status';
import { SectionTabs, panelId, tabId } from '../components/SectionTabs';
import { MyRequests } from '../facilitation/MyRequests';
import { MyOffers } from '../facilitation/MyOffers';
import { MyAvailability } from '../facilitation/MyAvailability';
import type { Facilitator, FacilitationRequest } from '../facilitation/types';
import type { ListResponse } from '../types';

const useStyles = makeStyles({
  panel: { marginTop: tokens.spacingVerticalM },
  intro: { maxWidth: '720px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
});

type Section = 'requests' | 'offers' | 'availability';
const LABELS: Record<Section, string> = { requests: 'My requests', offers: 'My offers', availability: 'My availability' };

interface Standing {
  leads: { id: string; name: string }[];
  facilitator: Facilitator | null;
  pendingOffers: number;
  hasRequests: boolean;
}

async function standing(): Promise<Standing> {
  const [leads, facilitator, requests] = await Promise.all([
    apiFetch<ListResponse<{ id: string; name: string }>>('/api/facilitation/lead-channels'),
    apiFetch<Facilitator>('/api/facilitators/me').catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }),
    apiFetch<ListResponse<FacilitationRequest>>('/api/facilitation-requests?mine=true'),
  ]);
  let pendingOffers = 0;
  if (facilitator) pendingOffers = (await apiFetch<ListResponse<FacilitationRequest>>('/api/facilitation-requests?offers=true')).items.filter((r) => r.can.accept).length;
  return { leads: leads.items, facilitator, pendingOffers, hasRequests: requests.items.length > 0 };
}

export function FacilitationPage() {
  const styles = useStyles();
  const me = useAsync(standing, []);
  const [chosen, setChosen] = useState<string | null>(() => new URLSearchParams(window.location.search).get('section'));

  let body;
  if (me.loading && !me.data) body = <Loading label="Loading facilitation…" />;
  else if (me.error) body = <ErrorBar error={me.error} title="Facilitation could not be loaded" />;
  else if (me.data) {
    const s = me.data;
    const sections: Section[] = [];
    if (s.leads.length || s.hasRequests) sections.push('requests');
    if (s.facilitator) sections.push('offers', 'availability');
    if (!sections.length) body = <NotYet />;
    else {
      // Offers waiting for an answer come first; then what the person does most.
      const preferred: Section = s.facilitator && (s.pendingOffers > 0 || !sections.includes('requests')) ? 'offers' : sections[0];
      const current = (sections as string[]).includes(chosen ?? '') ? (chosen as Section) : preferred;
      body = (
        <>
          {sections.length > 1 && <SectionTabs label="Facilitation sections" idPrefix="facilitation" tabs={sections.map((v) => ({ value: v, label: v === 'offers' && s.pendingOffers ? `${LABELS[v]} (${s.pendingOffers})` : LABELS[v] }))} selected={current} onSelect={setChosen} />}
          <div className={styles.panel} {...(sections.length > 1 ? { role: 'tabpanel', id: panelId('facilitation'), 'aria-labelledby': tabId('facilitation', current) } : {})}>
            {sections.length === 1 && (
              <Subtitle1 as="h2" block>
                {LABELS[current]}
              </Subtitle1>
            )}
            {current === 'requests' && <MyRequests leadChannels={s.leads} />}
            {current === 'offers' && <MyOffers />}
            {current === 'availability' && <MyAvailability />}
          </div>
        </>
      );
    }
  }
  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" block id="page-title">
        Facilitation
      </Title2>
      {body}
    </section>
  );
}

/** Neither a lead nor in the pool: what facilitation is, and how to take part. */
function NotYet() {
  const styles = useStyles();
  return (
    <div className={styles.intro} data-testid="facilitation-intro">
      <Body1 as="p">
        Every Community of Practice lead can ask for a trained facilitator to observe, co-facilitate or coach them in a group session. The Virtual Café finds someone free who fits and
        offers the session to them.
      </Body1>
      <Body1 as="p">
        <strong>To ask for a facilitator</strong>, you need to lead a channel. Leads are chosen by the hub coordinators; you can also <AppLink href="/tab/channels">propose a new channel</AppLink>{' '}
        and lead it.
      </Body1>
      <Body1 as="p">
        <strong>To facilitate</strong>, ask your hub coordinator to add you to the facilitator pool. You then set when you are usually free, and offers come to you here and in chat.
      </Body1>
    </div>
  );
}
