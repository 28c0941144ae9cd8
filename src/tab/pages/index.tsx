// The tab's pages and the addresses they answer. Each page is its own chunk, loaded when first
// opened (React.lazy), so the entry holds only the shell; see src/tab/vite.config.ts.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Me } from '../types';
import { hasRole } from '../types';
import { calendarEventsPath } from './events/calendarRequest';

/** What a page component receives: the parts of its address its pattern captured, decoded. */
export interface PageProps {
  params: string[];
}

export interface PageDef {
  id: string;
  /** Where the navigation goes; also the page's main address. */
  path: string;
  label: string;
  /** Every address the page answers (others under /tab/ are "not found"). */
  match: RegExp;
  /** In the navigation for this person. */
  nav(me: Me): boolean;
  /** Who may open it; anyone else is told what the page is and who to ask. */
  allowed?(me: Me): boolean;
  /** The navigation entry to mark as current (a page reached from another one). */
  navId?: string;
  Component: LazyExoticComponent<ComponentType<PageProps>>;
  /** Starts downloading the page's code. */
  load(): Promise<unknown>;
  /** The API GETs the page makes on opening, started by the shell together with /api/me. */
  firstRequests?(params: string[], search: URLSearchParams, width: number): string[];
}

type Loader = () => Promise<ComponentType<PageProps>>;

/** A lazily loaded page: one loader for both React.lazy and an early start. */
function lazyPage(loader: Loader): Pick<PageDef, 'Component' | 'load'> {
  let loading: Promise<{ default: ComponentType<PageProps> }> | undefined;
  const load = () => (loading ??= loader().then((Component) => ({ default: Component })));
  return { Component: lazy(load), load };
}

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;
const everyone = () => true;

// Event addresses are ids that may hold any character; the tab always writes them encoded.
const ID = '([^/]+)';


export const PAGES: PageDef[] = [
  {
    id: 'calendar',
    path: '/tab/calendar',
    label: 'Calendar',
    match: /^\/tab\/calendar$/,
    nav: everyone,
    ...lazyPage(() => import('./events/CalendarPage').then((m) => () => <m.CalendarPage />)),
    firstRequests: (_, search, width) => [calendarEventsPath(search, width), '/api/channels'],
  },
  {
    // A shareable link to one event (link unfurling and notices point here).
    id: 'event',
    path: '/tab/events',
    label: 'Event',
    navId: 'calendar',
    match: new RegExp(`^/tab/(?:events|calendar/event)/${ID}$`),
    nav: () => false,
    ...lazyPage(() =>
      import('./events/EventDetail').then(
        (m) =>
          function OneEvent({ params: [id] }: PageProps) {
            return <m.EventDetail key={id} id={id} />;
          },
      ),
    ),
    firstRequests: ([id]) => [eventPath(id)],
  },
  {
    id: 'event-new',
    path: '/tab/calendar/new',
    label: 'New event',
    navId: 'calendar',
    match: /^\/tab\/calendar\/new$/,
    nav: () => false,
    ...lazyPage(() => import('./events/EventForm').then((m) => () => <m.EventForm />)),
  },
  {
    id: 'event-edit',
    path: '/tab/calendar/event',
    label: 'Edit event',
    navId: 'calendar',
    match: new RegExp(`^/tab/calendar/event/${ID}/edit$`),
    nav: () => false,
    ...lazyPage(() =>
      import('./events/EventForm').then(
        (m) =>
          function EditEvent({ params: [id] }: PageProps) {
            return <m.EventForm key={id} id={id} />;
          },
      ),
    ),
  },
  {
    id: 'roster',
    path: '/tab/calendar/event',
    label: 'Roster',
    navId: 'calendar',
    match: new RegExp(`^/tab/calendar/event/${ID}/roster$`),
    nav: () => false,
    ...lazyPage(() =>
      import('./events/RosterPage').then(
        (m) =>
          function Roster({ params: [id] }: PageProps) {
            return <m.RosterPage key={id} id={id} />;
          },
      ),
    ),
  },
  {
    id: 'import',
    path: '/tab/calendar/import',
    label: 'Import events',
    navId: 'calendar',
    match: /^\/tab\/calendar\/import$/,
    nav: () => false,
    ...lazyPage(() => import('./events/ImportPage').then((m) => () => <m.ImportPage />)),
  },
  {
    id: 'bookings',
    path: '/tab/bookings',
    label: 'My bookings',
    match: /^\/tab\/bookings$/,
    nav: everyone,
    ...lazyPage(() => import('./events/BookingsPage').then((m) => () => <m.BookingsPage />)),
  },
  {
    id: 'channels',
    path: '/tab/channels',
    label: 'Channels',
    match: /^\/tab\/channels$/,
    nav: everyone,
    ...lazyPage(() => import('./channels/ChannelsPage').then((m) => () => <m.ChannelsPage />)),
  },
  {
    id: 'facilitation',
    path: '/tab/facilitation',
    label: 'Facilitation',
    match: /^\/tab\/facilitation$/,
    nav: everyone,
    ...lazyPage(() => import('./FacilitationPage').then((m) => () => <m.FacilitationPage />)),
  },
  {
    id: 'settings',
    path: '/tab/settings',
    label: 'Notifications',
    match: /^\/tab\/settings$/,
    nav: everyone,
    ...lazyPage(() => import('./NotificationSettingsPage').then((m) => () => <m.NotificationSettingsPage />)),
  },
  {
    id: 'admin',
    path: '/tab/admin',
    label: 'Admin',
    match: /^\/tab\/admin$/,
    nav: (me) => hasRole(me, 'coordinator'),
    allowed: (me) => hasRole(me, 'coordinator'),
    ...lazyPage(() => import('./admin/AdminPage').then((m) => () => <m.AdminPage />)),
  },
  {
    // Reached from the "my data" card and the header; not in the navigation.
    id: 'privacy',
    path: '/tab/privacy',
    label: 'Your data',
    match: /^\/tab\/privacy$/,
    nav: () => false,
    ...lazyPage(() => import('./PrivacyPage').then((m) => () => <m.PrivacyPage />)),
  },
  {
    // Channel tab configuration inside Teams: shown without the navigation.
    id: 'config',
    path: '/tab/config',
    label: 'Configure',
    match: /^\/tab\/config$/,
    nav: () => false,
    ...lazyPage(() => import('./ConfigPage').then((m) => () => <m.ConfigPage />)),
  },
];

export const START_PAGE = PAGES[0];

export type Route = { kind: 'page'; page: PageDef; params: string[] } | { kind: 'not-found' } | { kind: 'redirect'; to: string };

/** The page at this address (a path without its query), "not found", or where /tab itself goes. */
export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/tab' || clean === '/') return { kind: 'redirect', to: START_PAGE.path };
  for (const page of PAGES) {
    const m = page.match.exec(clean);
    if (!m) continue;
    const params = m.slice(1).filter((p) => p !== undefined).map(decode);
    return params.includes(null) ? { kind: 'not-found' } : { kind: 'page', page, params: params as string[] };
  }
  return { kind: 'not-found' };
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
