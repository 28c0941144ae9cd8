// My bookings: places and waitlist positions with Cancel; past events with feedback (Give feedback);
// my CPD record in my regulator's terms with certificates (CpdSection); my calendar feed link.
import { useState } from 'react';
import { Body1, Button, Caption1, Link as FluentLink, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from '../../router';
import { HUB_NAMES } from '../../types';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { eventsApi } from './eventsApi';
import { formatWhen } from './london';
import { BookingButton, StateBadge, whereText } from './EventBits';
import { PastEvents } from './PastEvents';
import { CpdSection } from './CpdSection';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, flexBasis: '220px' },
  section: { marginTop: tokens.spacingVerticalXXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', margin: `${tokens.spacingVerticalS} 0` },
  url: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export function BookingsPage() {
  const styles = useStyles();
  const mine = useAsync(() => eventsApi.mine(), []);
  const [notice, setNotice] = useState('');
  // A feedback answer adds a reflection to the CPD record: read it again.
  const [cpdVersion, setCpdVersion] = useState(0);
  return (
    <section aria-labelledby="page-title">
      <Title2 block as="h1" id="page-title">
        My bookings
      </Title2>
      {notice && <Notice intent="success">{notice}</Notice>}
      {mine.error ? <ErrorBar error={mine.error} title="Could not load your bookings" /> : null}
      {mine.loading && !mine.data && <Loading label="Loading your bookings…" />}
      {mine.data && mine.data.items.length === 0 && (
        <Body1 block as="p">
          No bookings coming up. <Link href="/tab/calendar">Find an event in the calendar.</Link>
        </Body1>
      )}
      {mine.data && mine.data.items.length > 0 && (
        <ul className={styles.list} aria-label="My bookings">
          {mine.data.items.map((e) => (
            <li key={e.id} className={styles.item}>
              <div className={styles.text}>
                <Link href={`/tab/calendar/event/${encodeURIComponent(e.id)}`}>
                  <strong>{e.title}</strong>
                </Link>
                <Caption1>
                  {formatWhen(e.start, e.end)} · {whereText(e)}
                </Caption1>
              </div>
              <StateBadge event={e} />
              {e.inviteUrl && e.status === 'scheduled' && (
                <FluentLink href={e.inviteUrl} aria-label={`Add ${e.title} to my calendar`}>
                  Add to calendar
                </FluentLink>
              )}
              <BookingButton
                event={e}
                onDone={(message) => {
                  setNotice(message);
                  void mine.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <PastEvents onFeedback={() => setCpdVersion((v) => v + 1)} />
      <CpdSection key={cpdVersion} />
      <CalendarFeedSection />
    </section>
  );
}

function CalendarFeedSection() {
  const styles = useStyles();
  const feed = useAsync(() => eventsApi.calendar(), []);
  const [off, setOff] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await fn();
      setNotice(message);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="feed-title">
      <Subtitle1 block as="h2" id="feed-title">
        My calendar feed
      </Subtitle1>
      <Body1 block as="p">Subscribe in Outlook (Add calendar → Subscribe from web) to see your bookings there. Keep the link private: anyone with it sees your bookings.</Body1>
      {notice && <Notice intent="success">{notice}</Notice>}
      {error || feed.error ? <ErrorBar error={error ?? feed.error} title="Calendar link" /> : null}
      {feed.data && !off && (
        <Body1 block as="p" className={styles.url} data-testid="feed-url">
          {feed.data.feed.url}
        </Body1>
      )}
      <div className={styles.row}>
        <Button
          onClick={() =>
            void act(async () => {
              const r = await eventsApi.newCalendarLink();
              setOff(false);
              if (feed.data) feed.setData({ ...feed.data, feed: { ...feed.data.feed, url: r.feed.url } });
            }, 'Here is your new link. The old one no longer works.')
          }
        >
          Get a new link
        </Button>
        {!off && (
          <Button
            onClick={() =>
              void act(async () => {
                await eventsApi.turnOffCalendar();
                setOff(true);
              }, 'Your calendar link is turned off.')
            }
          >
            Turn off my link
          </Button>
        )}
      </div>
      {feed.data && (
        <Body1 block as="p">
          Public calendars of every event by hub:{' '}
          {feed.data.hubFeeds.map((h, i) => (
            <span key={h.hub}>
              {i > 0 && ' · '}
              <FluentLink href={h.url}>{HUB_NAMES[h.hub as keyof typeof HUB_NAMES] ?? h.hub}</FluentLink>
            </span>
          ))}
        </Body1>
      )}
    </section>
  );
}
