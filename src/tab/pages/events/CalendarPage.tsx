// The shared PLT calendar: month, week or list. It opens on "For you" — events for my profession and
// those open to everyone, in my hub and across Kent & Medway — with one control to see every event,
// a search box, and filters. View, date, scope and filters live in the address, so a calendar can be
// shared. On a phone the header and filters are compact so the first event is in sight, and the
// month is a list of days (a seven-column grid of titles cannot be read at 390 px).
import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, SearchBox, Select, Subtitle2, Title2, Title3, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { navigate, useLocation, Link as RouterLink } from '../../router';
import { AppLink } from '../../components/AppLink';
import { useApp } from '../../MeContext';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { SectionTabs, panelId, tabId } from '../../components/SectionTabs';
import { usePhone } from '../../components/useMediaQuery';
import { hubName, hubShortName, professionPlural } from '../../components/names';
import { HUB_NAMES, PROFESSION_NAMES, hasRole, type Me } from '../../types';
import { CATEGORY_NAMES, eventsApi, type EventView } from './eventsApi';
import { addDays, addMonths, formatDay, londonDay, londonTime, monthLabel, startOfMonth, today } from './london';
import { calendarAnchor, calendarFilters, calendarRange, calendarView } from './calendarRequest';
import { matchesCriteria, type EventCriteria } from '../../../domain/events/criteria';
import type { Hub } from '../../../domain/people/hubs';
import type { Profession } from '../../../domain/people/professions';
import { BookingButton, StateBadge, whereText } from './EventBits';

const VIEWS = [
  { value: 'month', label: 'Month' },
  { value: 'week', label: 'Week' },
  { value: 'list', label: 'List' },
] as const;

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, margin: `0 0 ${tokens.spacingVerticalS}` },
  title: { margin: 0 },
  intro: { margin: `0 0 ${tokens.spacingVerticalM}` },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  scopeRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalXS },
  scope: { display: 'inline-flex', gap: tokens.spacingHorizontalXS },
  search: { flexGrow: 1, minWidth: '180px', maxWidth: '420px' },
  forYou: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalS },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, '& > *': { minWidth: 0 }, '& select': { minWidth: 0, width: '100%' } },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', margin: `${tokens.spacingVerticalS} 0` },
  nav: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', '& > button': { minWidth: 'auto' } },
  rangeTitle: { margin: 0 },
  // Month grid: a table of weeks (rows) and days (cells); each row is its own seven-column grid.
  grid: { display: 'flex', flexDirection: 'column', gap: '2px', backgroundColor: tokens.colorNeutralStroke2, border: `1px solid ${tokens.colorNeutralStroke2}` },
  week: { display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: '2px' },
  dayHead: { backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalXS, textAlign: 'center', overflow: 'hidden' },
  cell: { backgroundColor: tokens.colorNeutralBackground1, minHeight: '88px', padding: tokens.spacingHorizontalXS, overflow: 'hidden', minWidth: 0 },
  outside: { backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground2 },
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
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  chipCancelled: { textDecoration: 'line-through', backgroundColor: tokens.colorNeutralBackground3 },
  more: { display: 'block', fontSize: tokens.fontSizeBase200, marginTop: '2px' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  weekView: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalS },
  day: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  dayTitle: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  weekEvent: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyle: 'none', padding: 0, margin: 0 },
  item: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, alignItems: 'center', justifyContent: 'space-between' },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, flexBasis: '220px' },
  itemActions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  agendaDay: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

/**
 * "For you": my profession and events open to everyone, my hub and all of Kent & Medway. Applied to
 * the events the page has (the same rule as the API's filters, domain/events/criteria.ts), so the
 * calendar's first request needs nothing from /api/me and can start before it (calendarRequest.ts).
 */
function forYou(me: Me): { criteria: EventCriteria; words: string } | null {
  const p = me.profile;
  if (!p) return null;
  const everywhere = p.hub === 'kent-medway';
  return {
    criteria: { profession: p.profession as Profession, hub: everywhere ? undefined : [p.hub as Hub, 'kent-medway'] },
    words: `Events for ${professionPlural(p.profession)} and events open to everyone, ${everywhere ? 'in every hub' : `in ${hubShortName(p.hub)} and across Kent & Medway`}.`,
  };
}

export function CalendarPage() {
  const styles = useStyles();
  const { me } = useApp();
  const { search } = useLocation();
  const phone = usePhone();
  const mine = forYou(me);
  // A shared link that names a hub or profession shows those, not the reader's own "For you".
  const scope: 'mine' | 'all' = mine && search.get('scope') !== 'all' && !search.get('hub') && !search.get('profession') ? 'mine' : 'all';
  const view = calendarView(search, window.innerWidth);
  const anchor = calendarAnchor(search);
  // Hub, profession, category and channel from the address go to the API (the request the shell
  // may already have started); "For you" and the search narrow what comes back.
  const chosen = calendarFilters(search);
  const [text, setText] = useState(search.get('q') ?? '');
  const q = text.trim();
  const [filtersOpen, setFiltersOpen] = useState(false);
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
    next.delete('q');
    if (q) next.set('q', q);
    navigate(`/tab/calendar?${next.toString()}`);
  };
  const r = calendarRange(view, anchor);
  const key = JSON.stringify([r.from, r.to, chosen]);
  const { data, error, loading, reload, setData } = useAsync(() => eventsApi.list(r.from, r.to, chosen), [key]);
  const criteria: EventCriteria = { ...(scope === 'mine' && mine ? mine.criteria : {}), text: q || undefined };
  const events = (data?.items ?? []).filter((e) => matchesCriteria(e, criteria));
  const onChanged = (updated: EventView) => {
    if (data) setData({ ...data, items: data.items.map((e) => (e.id === updated.id ? updated : e)) });
  };
  const step = (n: number) => set({ date: view === 'month' ? addMonths(anchor, n) : addDays(anchor, view === 'week' ? 7 * n : 30 * n) });
  const activeFilters = (scope === 'all' ? [chosen.hub, chosen.profession] : []).concat([chosen.category, chosen.channelId]).filter(Boolean).length;
  const showFilters = !phone || filtersOpen;
  const Heading = phone ? Title3 : Title2;

  return (
    <section aria-labelledby="page-title">
      <div className={styles.head}>
        <Heading block as="h1" id="page-title" className={styles.title}>
          PLT calendar
        </Heading>
        {hasRole(me, 'organiser') && !me.guest && (
          <div className={styles.buttons}>
            <Button appearance="primary" size="small" onClick={() => navigate('/tab/calendar/new')}>
              Create event
            </Button>
            <Button size="small" onClick={() => navigate('/tab/calendar/import')}>
              Import from CSV
            </Button>
          </div>
        )}
      </div>
      {!phone && (
        <Body1 block as="p" className={styles.intro}>
          Protected Learning Time events across North Kent (including Medway), West Kent and East Kent. Times are UK time.
        </Body1>
      )}
      <div className={styles.scopeRow}>
        {mine && (
          // Plain Buttons with aria-pressed (what Fluent's ToggleButton renders): the appearance already
          // shows which is on, and ToggleButton's own styles would add 4 KB to the first load.
          <div role="group" aria-label="Which events" className={styles.scope}>
            <Button size="small" appearance={scope === 'mine' ? 'primary' : 'secondary'} aria-pressed={scope === 'mine'} onClick={() => set({ scope: '', hub: '', profession: '' })}>
              For you
            </Button>
            <Button size="small" appearance={scope === 'all' ? 'primary' : 'secondary'} aria-pressed={scope === 'all'} onClick={() => set({ scope: 'all' })}>
              All events
            </Button>
          </div>
        )}
        <SearchBox className={styles.search} size={phone ? 'small' : 'medium'} aria-label="Search events" placeholder="Search events: title, topic, place" value={text} onChange={(_, d) => setText(d.value)} />
        {phone && (
          <Button size="small" aria-expanded={filtersOpen} aria-controls="calendar-filters" onClick={() => setFiltersOpen(!filtersOpen)}>
            {activeFilters ? `Filters (${activeFilters})` : 'Filters'}
          </Button>
        )}
      </div>
      {scope === 'mine' && mine ? (
        <Caption1 className={styles.forYou} data-testid="for-you">
          {mine.words}
        </Caption1>
      ) : (
        !mine && (
          <Caption1 className={styles.forYou}>
            All events. <AppLink href="/tab/channels">Tell us your profession and hub</AppLink> (asked when you first join a channel) to see the events for you.
          </Caption1>
        )
      )}
      {showFilters && (
        <div className={styles.filters} role="group" aria-label="Filters" id="calendar-filters">
          {scope === 'all' && (
            <Field label="Hub">
              <Select value={chosen.hub} onChange={(_, d) => set({ hub: d.value })}>
                <option value="">All hubs</option>
                {Object.entries(HUB_NAMES).map(([v, n]) => (
                  <option key={v} value={v}>
                    {n}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {scope === 'all' && (
            <Field label="Profession">
              <Select value={chosen.profession} onChange={(_, d) => set({ profession: d.value })}>
                <option value="">Everyone</option>
                {Object.entries(PROFESSION_NAMES).map(([v, n]) => (
                  <option key={v} value={v}>
                    {n}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="Category">
            <Select value={chosen.category} onChange={(_, d) => set({ category: d.value })}>
              <option value="">All categories</option>
              {Object.entries(CATEGORY_NAMES).map(([v, n]) => (
                <option key={v} value={v}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          {channels.length > 0 && (
            <Field label="Channel">
              <Select value={chosen.channelId} onChange={(_, d) => set({ channelId: d.value })}>
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
      )}
      <div className={styles.toolbar}>
        <SectionTabs label="Calendar view" idPrefix="calendar" tabs={VIEWS} selected={view} onSelect={(v) => set({ view: v })} size="small" />
        <div className={styles.nav}>
          <Button size="small" onClick={() => step(-1)} aria-label={`Previous ${view === 'list' ? '30 days' : view}`}>
            ‹
          </Button>
          <Button size="small" onClick={() => set({ date: '' })}>
            Today
          </Button>
          <Button size="small" onClick={() => step(1)} aria-label={`Next ${view === 'list' ? '30 days' : view}`}>
            ›
          </Button>
        </div>
        <Subtitle2 block as="h2" aria-live="polite" className={styles.rangeTitle}>
          {r.title}
        </Subtitle2>
      </div>
      <div role="tabpanel" id={panelId('calendar')} aria-labelledby={tabId('calendar', view)}>
        {error ? <ErrorBar error={error} title="Could not load the calendar" /> : null}
        {error ? <Button onClick={() => void reload()}>Try again</Button> : null}
        {loading && !data && <Loading label="Loading events…" />}
        {data && events.length === 0 && (
          <Body1 block as="p">
            {q ? `No events match “${q}” here.` : 'No events here.'} {scope === 'mine' ? 'Try “All events”, ' : 'Try '}another {view === 'list' ? 'date' : view} or fewer filters.
          </Body1>
        )}
        {data && events.length > 0 && view === 'month' && !phone && <MonthView from={r.from} to={r.to} month={startOfMonth(anchor).slice(0, 7)} events={events} />}
        {data && events.length > 0 && view === 'month' && phone && <AgendaView events={events} onChanged={onChanged} />}
        {data && events.length > 0 && view === 'week' && <WeekView from={r.from} events={events} onChanged={onChanged} />}
        {data && events.length > 0 && view === 'list' && <ListView events={events} onChanged={onChanged} />}
      </div>
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
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function MonthView({ from, to, month, events }: { from: string; to: string; month: string; events: EventView[] }) {
  const styles = useStyles();
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
  const grouped = byDay(events);
  const now = today();
  return (
    <div className={styles.grid} role="table" aria-label={`Events in ${monthLabel(`${month}-01`)}`}>
      <div role="row" className={styles.week}>
        {DAY_NAMES.map((d) => (
          <div key={d} className={styles.dayHead} role="columnheader">
            <Caption1>{d}</Caption1>
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div role="row" key={week[0]} className={styles.week}>
          {week.map((d) => {
            const list = grouped.get(d) ?? [];
            return (
              <div key={d} role="cell" className={mergeClasses(styles.cell, !d.startsWith(month) && styles.outside, d === now && styles.today)}>
                <Caption1 aria-hidden>{Number(d.slice(8))}</Caption1>
                <span className={styles.hidden}>{formatDay(d)}{d === now ? ', today' : ''}</span>
                {list.slice(0, 3).map((e) => (
                  <RouterLink key={e.id} href={eventHref(e)} className={mergeClasses(styles.chip, e.status === 'cancelled' && styles.chipCancelled)} title={`${londonTime(e.start)} ${e.title}`}>
                    {londonTime(e.start)} {e.title}
                    {e.status === 'cancelled' && <span className={styles.hidden}> (cancelled)</span>}
                  </RouterLink>
                ))}
                {list.length > 3 && (
                  <AppLink href={`/tab/calendar?view=list&date=${d}`} className={styles.more}>
                    {list.length - 3} more on {formatDay(d, 'short')}
                  </AppLink>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** One event in the week view, list and agenda: what, when, where, state, and its own booking button. */
function EventRow({ event: e, onChanged, withDate }: { event: EventView; onChanged: (e: EventView) => void; withDate: boolean }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <div className={styles.itemText}>
        <AppLink href={eventHref(e)}>
          <strong>{e.title}</strong>
        </AppLink>
        <Caption1>
          {withDate ? `${formatDay(londonDay(e.start))}, ` : ''}
          {londonTime(e.start)}–{londonTime(e.end)} · {whereText(e)} · {hubName(e.hub)}
        </Caption1>
      </div>
      <div className={styles.itemActions}>
        <StateBadge event={e} />
        <BookingButton event={e} onDone={onChanged} />
      </div>
    </li>
  );
}

function WeekView({ from, events, onChanged }: { from: string; events: EventView[]; onChanged: (e: EventView) => void }) {
  const styles = useStyles();
  const grouped = byDay(events);
  return (
    <div className={styles.weekView}>
      {Array.from({ length: 7 }, (_, i) => addDays(from, i)).map((d) => (
        <section key={d} className={styles.day} aria-labelledby={`day-${d}`}>
          <Subtitle2 block as="h3" id={`day-${d}`} className={styles.dayTitle}>
            {formatDay(d, 'short')}
          </Subtitle2>
          {(grouped.get(d) ?? []).length === 0 && <Caption1>No events</Caption1>}
          {(grouped.get(d) ?? []).map((e) => (
            <div key={e.id} className={styles.weekEvent}>
              <AppLink href={eventHref(e)}>
                {londonTime(e.start)} {e.title}
              </AppLink>
              <StateBadge event={e} />
              <BookingButton event={e} onDone={onChanged} size="small" />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function ListView({ events, onChanged }: { events: EventView[]; onChanged: (e: EventView) => void }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Events">
      {events.map((e) => (
        <EventRow key={e.id} event={e} onChanged={onChanged} withDate />
      ))}
    </ul>
  );
}

/** The month on a phone: its days with events, each event with its own booking button. */
function AgendaView({ events, onChanged }: { events: EventView[]; onChanged: (e: EventView) => void }) {
  const styles = useStyles();
  return (
    <>
      {[...byDay(events)].map(([d, list]) => (
        <section key={d} aria-labelledby={`agenda-${d}`}>
          <Subtitle2 block as="h3" id={`agenda-${d}`} className={styles.agendaDay}>
            {formatDay(d)}
          </Subtitle2>
          <ul className={styles.list} aria-label={`Events on ${formatDay(d)}`}>
            {list.map((e) => (
              <EventRow key={e.id} event={e} onChanged={onChanged} withDate={false} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
