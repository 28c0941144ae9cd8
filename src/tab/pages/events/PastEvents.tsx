// My past events: the ones I attended, each with "Give feedback" (or "Change my feedback") and its
// certificate; the ones I booked but did not attend, for the record.
import { useState } from 'react';
import { Body1, Button, Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { AppLink } from '../../components/AppLink';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { apiFetch } from '../../api';
import type { ListResponse } from '../../types';
import type { MyRegistrationJson } from './eventsApi';
import { afterApi } from './afterApi';
import { formatWhen } from './london';
import { FeedbackDialog } from './FeedbackDialog';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, flexBasis: '220px' },
});

export function PastEvents({ onFeedback }: { onFeedback?: () => void }) {
  const styles = useStyles();
  const past = useAsync(async () => {
    const all = (await apiFetch<ListResponse<MyRegistrationJson>>('/api/me/registrations?past=true')).items;
    const now = Date.now();
    const events = all.filter((e) => Date.parse(e.end) <= now && e.status === 'scheduled').sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
    // Which I have answered already (a handful of events: one small request each).
    const mine = await Promise.all(events.filter((e) => e.attended).map(async (e) => ((await afterApi.myFeedback(e.id)).feedback ? e.id : null)));
    return { events, answered: new Set(mine.filter((id): id is string => !!id)) };
  }, []);
  const [target, setTarget] = useState<{ id: string; title: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<Set<string>>(new Set());
  const answered = { has: (id: string) => added.has(id) || !!past.data?.answered.has(id) };
  const [notice, setNotice] = useState('');
  const attended = past.data?.events.filter((e) => e.attended) ?? [];
  const missed = past.data?.events.filter((e) => !e.attended) ?? [];

  return (
    <section className={styles.section} aria-labelledby="past-title">
      <Subtitle1 block as="h2" id="past-title">
        Past events
      </Subtitle1>
      {notice && <Notice intent="success">{notice}</Notice>}
      {past.error ? <ErrorBar error={past.error} title="Could not load your past events" /> : null}
      {past.loading && !past.data && <Loading label="Loading your past events…" />}
      {past.data && attended.length === 0 && (
        <Body1 block as="p">
          Events you attended appear here once the organiser (or Teams) records your attendance.
        </Body1>
      )}
      {attended.length > 0 && (
        <ul className={styles.list} aria-label="Events I attended">
          {attended.map((e) => (
            <li key={e.id} className={styles.item}>
              <div className={styles.text}>
                <AppLink href={`/tab/calendar/event/${encodeURIComponent(e.id)}`}>
                  <strong>{e.title}</strong>
                </AppLink>
                <Caption1>{formatWhen(e.start, e.end)} · attended</Caption1>
              </div>
              <Button appearance={answered.has(e.id) ? 'secondary' : 'primary'} aria-label={`${answered.has(e.id) ? 'Change my feedback on' : 'Give feedback on'} ${e.title}`} onClick={() => {
                  setTarget({ id: e.id, title: e.title });
                  setOpen(true);
                }}>
                {answered.has(e.id) ? 'Change my feedback' : 'Give feedback'}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {missed.length > 0 && (
        <Body1 block as="p">
          Booked but not recorded as attending: {missed.map((e) => e.title).join('; ')}. If you were there, ask the organiser to mark your attendance.
        </Body1>
      )}
      {/* Mounted once and closed through `open`: unmounting an open dialog leaves the page aria-hidden. */}
      {target && (
        <FeedbackDialog
          eventId={target.id}
          title={target.title}
          open={open}
          onClose={() => setOpen(false)}
          onSaved={(_, replaced) => {
            setAdded(new Set([...added, target.id]));
            setNotice(replaced ? `Your feedback on “${target.title}” is updated. Thank you.` : `Thank you — your feedback on “${target.title}” is saved. Your reflection is in your CPD record below.`);
            setOpen(false);
            onFeedback?.();
          }}
        />
      )}
    </section>
  );
}
