// My bookings: places and waitlist positions with Cancel; past events with feedback (Give feedback);
// my CPD record in my regulator's terms with certificates (CpdSection); my calendar feed link.
import { AppLink } from '../../components/AppLink';
import { useState } from 'react';
import { Body1, Button, Caption1, Link as FluentLink, Subtitle1, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { InlineResult, errorText, type ActionResult } from '../../components/InlineResult';
import { hubName } from '../../components/names';
import { eventsApi } from './eventsApi';
import { formatWhen } from './london';
import { BookingButton, StateBadge, whereText } from './EventBits';
import { PastEvents } from './PastEvents';
import { CpdSection } from './CpdSection';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, flexBasis: '220px' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  section: { marginTop: tokens.spacingVerticalXXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', margin: `${tokens.spacingVerticalS} 0` },
  url: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  feed: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  subhead: { marginTop: tokens.spacingVerticalL },
  hubFeeds: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hubFeed: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalL },
});

export function BookingsPage() {
  const styles = useStyles();
  const mine = useAsync(() => eventsApi.mine(), []);
  // A feedback answer adds a reflection to the CPD record: read it again.
  const [cpdVersion, setCpdVersion] = useState(0);
  return (
    <section aria-labelledby="page-title">
      <Title2 block as="h1" id="page-title">
        My bookings
      </Title2>
      {mine.error ? <ErrorBar error={mine.error} title="Could not load your bookings" /> : null}
      {mine.loading && !mine.data && <Loading label="Loading your bookings…" />}
      {mine.data && mine.data.items.length === 0 && (
        <Body1 block as="p">
          No bookings coming up. <AppLink href="/tab/calendar">Find an event in the calendar.</AppLink>
        </Body1>
      )}
      {mine.data && mine.data.items.length > 0 && (
        <ul className={styles.list} aria-label="My bookings">
          {mine.data.items.map((e) => (
            <li key={e.id} className={styles.item}>
              <div className={styles.text}>
                <AppLink href={`/tab/calendar/event/${encodeURIComponent(e.id)}`}>
                  <strong>{e.title}</strong>
                </AppLink>
                <Caption1>
                  {formatWhen(e.start, e.end)} · {whereText(e)}
                </Caption1>
              </div>
              <div className={styles.actions}>
                <StateBadge event={e} />
                {e.inviteUrl && e.status === 'scheduled' && e.myStatus === 'booked' && (
                  <FluentLink href={e.inviteUrl} aria-label={`Add to calendar: ${e.title}`}>
                    Add to calendar
                  </FluentLink>
                )}
                {/* The row stays, changed at once, so the person sees what happened and can book again. */}
                <BookingButton event={e} onDone={(updated) => mine.data && mine.setData({ items: mine.data.items.map((x) => (x.id === updated.id ? { ...updated, inviteUrl: x.inviteUrl } : x)) })} />
              </div>
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

/** Outlook on the web's "subscribe from web" page with the feed filled in (see feedLinks). */
const outlookSubscribeUrl = (url: string, name: string) => `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(url)}&name=${encodeURIComponent(name)}`;
const webcalUrl = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

/**
 * Ways to subscribe to a feed. "Add to Outlook" opens Outlook on the web's subscribe page: from
 * Teams (desktop, web and mobile) a link opens in the browser, and a calendar subscribed there
 * appears in every Outlook of that work account. webcal:// hands the feed to whatever calendar app
 * the device has (Apple Calendar, classic Outlook); the plain https link suits "Subscribe from web".
 */
function FeedLinks({ url, name, what, testId, compact }: { url: string; name: string; what: string; testId: string; compact?: boolean }) {
  const styles = useStyles();
  const [copied, setCopied] = useState<ActionResult | null>(null);
  if (compact) {
    return (
      <span className={styles.row}>
        <FluentLink href={outlookSubscribeUrl(url, name)} target="_blank" rel="noreferrer" aria-label={`Add to Outlook: ${what}`}>
          Add to Outlook
        </FluentLink>
        <FluentLink href={webcalUrl(url)} aria-label={`Other calendar apps: ${what}`}>
          Other calendar apps
        </FluentLink>
        <FluentLink href={url} aria-label={`Feed link: ${what}`} data-testid={testId}>
          Feed link
        </FluentLink>
      </span>
    );
  }
  return (
    <div className={styles.feed}>
      <div className={styles.row}>
        <Button as="a" appearance="primary" href={outlookSubscribeUrl(url, name)} target="_blank" rel="noreferrer" aria-label={`Add to Outlook: ${what}`}>
          Add to Outlook
        </Button>
        <FluentLink href={webcalUrl(url)} aria-label={`Other calendar apps: ${what}`}>
          Other calendar apps
        </FluentLink>
        <Button
          aria-label={`Copy link: ${what}`}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied({ intent: 'success', text: 'Link copied.' });
            } catch {
              setCopied({ intent: 'info', text: 'Copying is blocked here: select the link and copy it.' });
            }
          }}
        >
          Copy link
        </Button>
      </div>
      <FluentLink href={url} className={styles.url} data-testid={testId}>
        {url}
      </FluentLink>
      <InlineResult result={copied} />
    </div>
  );
}

function CalendarFeedSection() {
  const styles = useStyles();
  const feed = useAsync(() => eventsApi.calendar(), []);
  const [off, setOff] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setResult(null);
    try {
      await fn();
      setResult({ intent: 'success', text: message });
    } catch (e) {
      setResult({ intent: 'error', text: errorText(e) });
    }
  };
  return (
    <section className={styles.section} aria-labelledby="feed-title">
      <Subtitle1 block as="h2" id="feed-title">
        My calendar feed
      </Subtitle1>
      <Body1 block as="p">Subscribe once and your bookings appear in your calendar, kept up to date. Keep the link private: anyone with it sees your bookings.</Body1>
      {feed.error ? <ErrorBar error={feed.error} title="Calendar link" /> : null}
      {feed.data && !off && <FeedLinks url={feed.data.feed.url} name="Virtual Café: my bookings" what="my bookings" testId="feed-url" />}
      {off && <Body1 block as="p">Your link is turned off. Get a new link to subscribe again.</Body1>}
      <div className={styles.row}>
        <Button
          onClick={() =>
            void act(async () => {
              const r = await eventsApi.newCalendarLink();
              setOff(false);
              if (feed.data) feed.setData({ ...feed.data, feed: { ...feed.data.feed, url: r.feed.url } });
            }, 'Here is your new link. The old one no longer works: subscribe again with this one.')
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
      <InlineResult result={result} />
      {feed.data && (
        <>
          <Subtitle2 block as="h3" className={styles.subhead}>
            Every event, by hub
          </Subtitle2>
          <Body1 block as="p">Public calendars of all PLT events in a hub (with the events for all of Kent &amp; Medway).</Body1>
          <ul className={styles.hubFeeds}>
            {feed.data.hubFeeds.map((h) => (
              <li key={h.hub} className={styles.hubFeed}>
                <strong>{hubName(h.hub)}</strong>
                <FeedLinks compact url={h.url} name={`PLT events: ${hubName(h.hub)}`} what={`all events in ${hubName(h.hub)}`} testId={`hub-feed-${h.hub}`} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
