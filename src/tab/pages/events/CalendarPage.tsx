// The shared PLT calendar: month, week or list, filtered by hub, category, profession and channel.
// View, date and filters live in the address, so a filtered calendar can be shared.
import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Select, Subtitle2, Tab, TabList, Title2, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { navigate, useLocation, Link } from '../../router';
import { useApp } from '../../MeContext';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { HUB_NAMES, PROFESSION_NAMES, hasRole } from '../../types';
import { CATEGORY_NAMES, eventsApi, type EventView } from './eventsApi';
import { addDays, addMonths, formatDay, londonDay, londonTime, startOfMonth, today } from './london';
import { calendarAnchor, calendarFilters, calendarRange, calendarView } from './calendarRequest';
import { BookingButton, StateBadge, whereText } from './EventBits';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', margin: `${tokens.spacingVerticalM} 0` },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, '& > *': { minWidth: 0 }, '& select': { minWidth: 0, width: '100%' } },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: '2px', backgroundColor: tokens.colorNeutralStroke2, border: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalXS, textAlign: 'center', overflow: 'hidden' },
  cell: { backgroundColor: tokens.colorNeutralBackground1, minHeight: '88px', padding: tokens.spacingHorizontalXS, overflow: 'hidden', minWidth: 0 },
  outside: { backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground3 },
  today: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  chip: {
    display: 'block',
    fontSize: tokens.fontSizeBase200,
    padding: '1px 4px',
    marginTop: '2px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    textDecoration: 'none',
  },
  chipCancelled: { textDecoration: 'line-through', backgroundColor: tokens.colorNeutralBackground3 },
  week: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS },
  day: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyle: 'none', padding: 0, margin: 0 },
  item: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, flexBasis: '220px' },
});

export function CalendarPage() {
  const styles = useStyles();
  const { me } = useApp();
  const { search } = useLocation();
  const view = calendarView(search, window.innerWidth);
  const anchor = calendarAnchor(search);
  const filters = calendarFilters(search);
  const [notice, setNotice] = useState('');
  const [channels, setChannels] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    void eventsApi.channels().then(setChannels);
  }, []);

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    navigate(`/tab/calendar?${next.toString()}`);
  };
  const r = calendarRange(view, anchor);
  const key = JSON.stringify([r.from, r.to, filters]);
  const { data, error, loading, reload, setData } = useAsync(() => eventsApi.list(r.from, r.to, filters), [key]);
  const events = data?.items ?? [];
  const onBooked = (message: string, updated: EventView) => {
    setNotice(message);
    if (data) setData({ ...data, items: data.items.map((e) => (e.id === updated.id ? updated : e)) });
  };
  const step = (n: number) => set({ date: view === 'month' ? addMonths(anchor, n) : addDays(anchor, view === 'week' ? 7 * n : 30 * n) });

  return (
    <section aria-labelledby="page-title">
      <Title2 block as="h1" id="page-title">
        PLT calendar
      </Title2>
      <Body1 block as="p">Protected Learning Time events across North Kent (including Medway), West Kent and East Kent. Times are UK time.</Body1>
      <div className={styles.toolbar}>
        <TabList aria-label="Calendar view" selectedValue={view} onTabSelect={(_, d) => set({ view: String(d.value) })} size="small">
          <Tab value="month">Month</Tab>
          <Tab value="week">Week</Tab>
          <Tab value="list">List</Tab>
        </TabList>
        <Button size="small" style={{ minWidth: 'auto' }} onClick={() => step(-1)} aria-label="Previous">
          ‹
        </Button>
        <Button size="small" onClick={() => set({ date: '' })}>
          Today
        </Button>
        <Button size="small" style={{ minWidth: 'auto' }} onClick={() => step(1)} aria-label="Next">
          ›
        </Button>
        <Subtitle2 block as="h2" aria-live="polite">
          {r.title}
        </Subtitle2>
        {hasRole(me, 'organiser') && !me.guest && (
          <>
            <Button appearance="primary" size="small" onClick={() => navigate('/tab/calendar/new')}>
              Create event
            </Button>
            <Button size="small" onClick={() => navigate('/tab/calendar/import')}>
              Import from CSV
            </Button>
          </>
        )}
      </div>
      <div className={styles.filters} role="group" aria-label="Filters">
        <Field label="Hub">
          <Select value={filters.hub} onChange={(_, d) => set({ hub: d.value })}>
            <option value="">All hubs</option>
            {Object.entries(HUB_NAMES).map(([v, n]) => (
              <option key={v} value={v}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Category">
          <Select value={filters.category} onChange={(_, d) => set({ category: d.value })}>
            <option value="">All categories</option>
            {Object.entries(CATEGORY_NAMES).map(([v, n]) => (
              <option key={v} value={v}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Profession">
          <Select value={filters.profession} onChange={(_, d) => set({ profession: d.value })}>
            <option value="">Everyone</option>
            {Object.entries(PROFESSION_NAMES).map(([v, n]) => (
              <option key={v} value={v}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        {channels.length > 0 && (
          <Field label="Channel">
            <Select value={filters.channelId} onChange={(_, d) => set({ channelId: d.value })}>
              <option value="">All channels</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {notice && <Notice intent="success">{notice}</Notice>}
      {error ? <ErrorBar error={error} title="Could not load the calendar" /> : null}
      {loading && !data && <Loading label="Loading events…" />}
      {error ? <Button onClick={() => void reload()}>Try again</Button> : null}
      {data && view === 'month' && <MonthView from={r.from} to={r.to} month={startOfMonth(anchor).slice(0, 7)} events={events} />}
      {data && view === 'week' && <WeekView from={r.from} events={events} onBooked={onBooked} />}
      {data && view === 'list' && <ListView events={events} onBooked={onBooked} />}
    </section>
  );
}

const byDay = (events: EventView[]) => {
  const map = new Map<string, EventView[]>();
  for (const e of events) {
    const d = londonDay(e.start);
    map.set(d, [...(map.get(d) ?? []), e]);
  }
  return map;
};

const eventHref = (e: EventView) => `/tab/calendar/event/${encodeURIComponent(e.id)}`;

function MonthView({ from, to, month, events }: { from: string; to: string; month: string; events: EventView[] }) {
  const styles = useStyles();
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const grouped = byDay(events);
  const now = today();
  return (
    <div className={styles.grid} role="grid" aria-label="Month">
      {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
        <div key={d} className={styles.head} role="columnheader">
          <Caption1>{d}</Caption1>
        </div>
      ))}
      {days.map((d) => {
        const list = grouped.get(d) ?? [];
        return (
          <div key={d} role="gridcell" aria-label={formatDay(d)} className={mergeClasses(styles.cell, !d.startsWith(month) && styles.outside, d === now && styles.today)}>
            <Caption1 aria-hidden>{Number(d.slice(8))}</Caption1>
            {list.slice(0, 3).map((e) => (
              <Link key={e.id} href={eventHref(e)} className={mergeClasses(styles.chip, e.status === 'cancelled' && styles.chipCancelled)} title={`${londonTime(e.start)} ${e.title}`} aria-label={`${e.title}, ${formatDay(d)} ${londonTime(e.start)}${e.status === 'cancelled' ? ', cancelled' : ''}`}>
                {londonTime(e.start)} {e.title}
              </Link>
            ))}
            {list.length > 3 && <Caption1>+{list.length - 3} more</Caption1>}
          </div>
        );
      })}
    </div>
  );
}

function WeekView({ from, events, onBooked }: { from: string; events: EventView[]; onBooked: (m: string, e: EventView) => void }) {
  const styles = useStyles();
  const grouped = byDay(events);
  return (
    <div className={styles.week}>
      {Array.from({ length: 7 }, (_, i) => addDays(from, i)).map((d) => (
        <section key={d} className={styles.day} aria-label={formatDay(d)}>
          <Subtitle2 block as="h3">{formatDay(d, 'short')}</Subtitle2>
          {(grouped.get(d) ?? []).length === 0 && <Caption1>No events</Caption1>}
          {(grouped.get(d) ?? []).map((e) => (
            <div key={e.id} style={{ marginTop: 8 }}>
              <Link href={eventHref(e)}>
                {londonTime(e.start)} {e.title}
              </Link>
              <div>
                <StateBadge event={e} />
              </div>
              <BookingButton event={e} onDone={onBooked} size="small" />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function ListView({ events, onBooked }: { events: EventView[]; onBooked: (m: string, e: EventView) => void }) {
  const styles = useStyles();
  if (!events.length) return <Body1 block as="p">No events match. Try another month or fewer filters.</Body1>;
  return (
    <ul className={styles.list} aria-label="Events">
      {events.map((e) => (
        <li key={e.id} className={styles.item}>
          <div className={styles.itemText}>
            <Link href={eventHref(e)}>
              <strong>{e.title}</strong>
            </Link>
            <Caption1>
              {formatDay(londonDay(e.start))}, {londonTime(e.start)}–{londonTime(e.end)} · {whereText(e)} · {HUB_NAMES[e.hub as keyof typeof HUB_NAMES] ?? e.hub}
            </Caption1>
          </div>
          <StateBadge event={e} />
          <BookingButton event={e} onDone={onBooked} />
        </li>
      ))}
    </ul>
  );
}
