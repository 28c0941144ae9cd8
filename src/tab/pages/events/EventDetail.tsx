// One event: everything about it, the person's own place with the same button as the card, any
// warnings (a clash, not their profession), and for organisers: edit, cancel, roster.
import { AppLink } from '../../components/AppLink';
import { useState } from 'react';
import {
  Body1, Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Link as FluentLink, Textarea, Title2, makeStyles, tokens,
} from '@fluentui/react-components';
import { navigate } from '../../router';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { HUB_NAMES, PROFESSION_NAMES } from '../../types';
import { CATEGORY_NAMES, eventsApi, type EventDetail as EventWithWarnings } from './eventsApi';
import { formatWhen } from './london';
import { BookingButton, StateBadge, whereText } from './EventBits';
import { useKeepTabster } from '../../components/keepTabster';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: `${tokens.spacingVerticalM} 0` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', margin: `${tokens.spacingVerticalM} 0` },
  description: { whiteSpace: 'pre-wrap' },
});

export function EventDetail({ id }: { id: string }) {
  useKeepTabster();
  const styles = useStyles();
  const { data: event, error, loading, setData } = useAsync(() => eventsApi.get(id), [id]);
  const [notice, setNotice] = useState('');
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);

  if (loading && !event) return <Loading label="Loading the event…" />;
  if (error || !event) return <ErrorBar error={error ?? 'Not found'} title="Could not open this event" />;
  const e: EventWithWarnings = event;
  const places = e.capacity === null ? `Unlimited · ${e.booked} booked` : `${e.capacity} places · ${e.booked} booked${e.waitlisted ? ` · ${e.waitlisted} on the waitlist` : ''}`;

  const cancelEvent = async () => {
    setActionError(null);
    try {
      const updated = await eventsApi.cancelEvent(e.id, reason);
      setData({ ...updated, warnings: [] });
      setNotice('Event cancelled. Everyone booked or waiting is being told.');
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <article aria-labelledby="event-title">
      <p>
        <AppLink href="/tab/calendar">← Back to the calendar</AppLink>
      </p>
      <Title2 block as="h1" id="event-title">
        {e.title}
      </Title2>
      <Caption1 block>
        {CATEGORY_NAMES[e.category] ?? e.category} · {HUB_NAMES[e.hub as keyof typeof HUB_NAMES] ?? e.hub}
      </Caption1>
      {notice && <Notice intent="success">{notice}</Notice>}
      {(e.warnings ?? []).map((w) => (
        <Notice key={w} intent="warning">
          {w}
        </Notice>
      ))}
      <MeetingNotice event={e} />
      <div className={styles.actions}>
        <StateBadge event={e} />
        <BookingButton event={e} onDone={(updated) => setData({ ...updated, warnings: e.warnings })} />
      </div>
      <dl className={styles.facts}>
        <dt>When</dt>
        <dd>{formatWhen(e.start, e.end)} (UK time)</dd>
        <dt>Where</dt>
        <dd>
          {whereText(e)}
          {e.onlineMeetingUrl && (e.myStatus === 'booked' || e.canManage) && (
            <>
              {' · '}
              <FluentLink href={e.onlineMeetingUrl} target="_blank" rel="noreferrer">
                {e.meeting?.status === 'created' ? 'Join the Teams meeting' : 'Join online'}
              </FluentLink>
            </>
          )}
        </dd>
        <dt>Places</dt>
        <dd>{places}</dd>
        <dt>For</dt>
        <dd>{e.professions.length ? e.professions.map((p) => PROFESSION_NAMES[p] ?? p).join(', ') : 'Everyone'}</dd>
        {e.organiserName && (
          <>
            <dt>Organiser</dt>
            <dd>{e.organiserName}</dd>
          </>
        )}
        {e.signupCloses && (
          <>
            <dt>Sign-up closes</dt>
            <dd>{formatWhen(e.signupCloses, e.signupCloses).replace(/–.*$/, '')}</dd>
          </>
        )}
      </dl>
      {e.description && (
        <Body1 block as="p" className={styles.description}>
          {e.description}
        </Body1>
      )}
      {e.canManage && (
        <section aria-label="Organiser">
          <div className={styles.actions}>
            <Button onClick={() => navigate(`/tab/calendar/event/${encodeURIComponent(e.id)}/roster`)}>Roster and attendance</Button>
            {e.status === 'scheduled' && <Button onClick={() => navigate(`/tab/calendar/event/${encodeURIComponent(e.id)}/edit`)}>Edit event</Button>}
            {e.status === 'scheduled' && (
              <Dialog>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">Cancel event</Button>
                </DialogTrigger>
                <DialogSurface>
                  <DialogBody>
                    <DialogTitle>Cancel “{e.title}”?</DialogTitle>
                    <DialogContent>
                      <Body1 block as="p">Everyone booked or on the waitlist is told. This cannot be undone.</Body1>
                      <Field label="Reason (shown to attendees)">
                        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={300} />
                      </Field>
                    </DialogContent>
                    <DialogActions>
                      <DialogTrigger disableButtonEnhancement>
                        <Button appearance="secondary">Keep the event</Button>
                      </DialogTrigger>
                      <DialogTrigger disableButtonEnhancement>
                        <Button appearance="primary" onClick={() => void cancelEvent()}>
                          Yes, cancel the event
                        </Button>
                      </DialogTrigger>
                    </DialogActions>
                  </DialogBody>
                </DialogSurface>
              </Dialog>
            )}
          </div>
          {actionError ? <ErrorBar error={actionError} title="Not cancelled" /> : null}
        </section>
      )}
    </article>
  );
}

/** The Teams meeting: being set up, or (for organisers) what went wrong and what to do. */
function MeetingNotice({ event: e }: { event: EventWithWarnings }) {
  if (e.status === 'cancelled' || !e.meeting) return null;
  const m = e.meeting;
  if (m.status === 'pending') return <Notice intent="info">{e.canManage && m.message ? `The Teams meeting is being set up. ${m.message}` : 'The Teams meeting is being set up; its joining link follows.'}</Notice>;
  if (!e.canManage || !m.message) return null;
  if (m.status === 'failed') return <Notice intent="warning">{`No Teams meeting yet. ${m.message}`}</Notice>;
  return <Notice intent="warning">{`Teams meeting: ${m.message}`}</Notice>;
}
