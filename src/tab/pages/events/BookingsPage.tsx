// My bookings: places and waitlist positions with Cancel, my CPD record (participatory hours per
// NMC revalidation period next to the total, with the evidence), and my calendar feed link.
import { useState } from 'react';
import {
  Body1, Button, Caption1, Field, Input, Link as FluentLink, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title2, makeStyles, tokens,
} from '@fluentui/react-components';
import { Link } from '../../router';
import { HUB_NAMES } from '../../types';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { CATEGORY_NAMES, download, eventsApi } from './eventsApi';
import { formatDate, formatDay, formatWhen, londonDay } from './london';
import { BookingButton, StateBadge, whereText } from './EventBits';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, flexBasis: '220px' },
  section: { marginTop: tokens.spacingVerticalXXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', margin: `${tokens.spacingVerticalS} 0` },
  url: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  table: { maxWidth: '900px' },
});

export function BookingsPage() {
  const styles = useStyles();
  const mine = useAsync(() => eventsApi.mine(), []);
  const [notice, setNotice] = useState('');
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
      <CpdSection />
      <CalendarFeedSection />
    </section>
  );
}

function CpdSection() {
  const styles = useStyles();
  const [date, setDate] = useState('');
  const [applied, setApplied] = useState('');
  const cpd = useAsync(() => eventsApi.cpd(applied || undefined), [applied]);
  const [error, setError] = useState<unknown>(null);
  const r = cpd.data;
  return (
    <section className={styles.section} aria-labelledby="cpd-title">
      <Subtitle1 block as="h2" id="cpd-title">
        My CPD record
      </Subtitle1>
      <Body1 block as="p">
        From events the organiser marked you as attending. PLT, Community of Practice sessions and facilitation development count as participatory learning for NMC revalidation (35 hours in three years, 20 of them participatory).
      </Body1>
      <div className={styles.row}>
        <Field label="My revalidation date (optional)" hint="Periods of three years end on this date">
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Button onClick={() => setApplied(date)}>Show periods</Button>
        <Button
          onClick={async () => {
            setError(null);
            try {
              download('cpd-record.csv', await eventsApi.cpdCsv(applied || undefined));
            } catch (e) {
              setError(e);
            }
          }}
        >
          Export CPD as CSV
        </Button>
      </div>
      {error ? <ErrorBar error={error} title="Export failed" /> : null}
      {cpd.error ? <ErrorBar error={cpd.error} title="Could not load your CPD record" /> : null}
      {r && (
        <>
          <Body1 block as="p" data-testid="cpd-summary">
            Total {r.totalHours} h, of which {r.participatoryHours} h participatory.
          </Body1>
          <Table className={styles.table} aria-label="Hours per revalidation period">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Three-year period</TableHeaderCell>
                <TableHeaderCell>Total hours</TableHeaderCell>
                <TableHeaderCell>Participatory hours</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.periods.map((p) => (
                <TableRow key={p.from}>
                  <TableCell>
                    {formatDate(londonDay(p.from))} – {formatDate(londonDay(p.to))}
                  </TableCell>
                  <TableCell>
                    {p.totalHours} of {r.targets.totalHours}
                  </TableCell>
                  <TableCell>
                    {p.participatoryHours} of {r.targets.participatoryHours}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {r.items.length > 0 && (
            <Table className={styles.table} aria-label="Evidence">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Event</TableHeaderCell>
                  <TableHeaderCell>Category</TableHeaderCell>
                  <TableHeaderCell>Hours</TableHeaderCell>
                  <TableHeaderCell>Organiser</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {r.items.map((i) => (
                  <TableRow key={i.eventId}>
                    <TableCell>{formatDay(londonDay(i.start), 'short')}</TableCell>
                    <TableCell>{i.title}</TableCell>
                    <TableCell>
                      {CATEGORY_NAMES[i.category] ?? i.category}
                      {i.participatory ? ' (participatory)' : ''}
                    </TableCell>
                    <TableCell>{i.hours}</TableCell>
                    <TableCell>{i.organiserName}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
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
