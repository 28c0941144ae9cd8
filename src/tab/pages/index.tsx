// The tab's pages. Each area replaces its placeholder with a real page.
import type { ReactElement } from 'react';
import { PlaceholderPage } from './PlaceholderPage';
import { ConfigPage } from './ConfigPage';
import { AdminPage } from './admin/AdminPage';
import { NotificationSettingsPage } from './NotificationSettingsPage';
import type { Me } from '../types';
import { hasRole } from '../types';

export interface PageDef {
  path: string;
  label: string;
  /** Shown in the navigation only when true. */
  visible(me: Me): boolean;
  render(): ReactElement;
}

export const PAGES: PageDef[] = [
  {
    path: '/tab/calendar',
    label: 'Calendar',
    visible: () => true,
    render: () => <PlaceholderPage title="PLT calendar" text="Protected Learning Time events across the three hubs will appear here." />,
  },
  {
    path: '/tab/bookings',
    label: 'My bookings',
    visible: () => true,
    render: () => <PlaceholderPage title="My bookings" text="Your bookings, waitlist places and CPD record will appear here." />,
  },
  {
    path: '/tab/channels',
    label: 'Channels',
    visible: () => true,
    render: () => <PlaceholderPage title="Communities of Practice" text="The channel directory will appear here." />,
  },
  {
    path: '/tab/facilitation',
    label: 'Facilitation',
    visible: () => true,
    render: () => <PlaceholderPage title="Facilitation" text="Facilitation requests, offers and availability will appear here." />,
  },
  {
    path: '/tab/settings',
    label: 'Notifications',
    visible: () => true,
    render: () => <NotificationSettingsPage />,
  },
  {
    path: '/tab/admin',
    label: 'Admin',
    visible: (me) => hasRole(me, 'coordinator'),
    render: () => <AdminPage />,
  },
];

export const CONFIG_PAGE: PageDef = { path: '/tab/config', label: 'Configure', visible: () => false, render: () => <ConfigPage /> };
