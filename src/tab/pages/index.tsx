// The tab's pages. Each area replaces its placeholder with a real page.
import type { ReactElement } from 'react';
import { ConfigPage } from './ConfigPage';
import { AdminPage } from './admin/AdminPage';
import { PrivacyPage } from './PrivacyPage';
import { ChannelsPage } from './channels/ChannelsPage';
import { FacilitationPage } from './FacilitationPage';
import { CalendarRoutes } from './events/CalendarRoutes';
import { BookingsPage } from './events/BookingsPage';
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
    render: () => <CalendarRoutes />,
  },
  {
    path: '/tab/bookings',
    label: 'My bookings',
    visible: () => true,
    render: () => <BookingsPage />,
  },
  {
    path: '/tab/channels',
    label: 'Channels',
    visible: () => true,
    render: () => <ChannelsPage />,
  },
  {
    path: '/tab/facilitation',
    label: 'Facilitation',
    visible: () => true,
    render: () => <FacilitationPage />,
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

// Reached from the "my data" card and the header; not a navigation tab.
export const PRIVACY_PAGE: PageDef = { path: '/tab/privacy', label: 'Your data', visible: () => false, render: () => <PrivacyPage /> };

export const CONFIG_PAGE: PageDef = { path: '/tab/config', label: 'Configure', visible: () => false, render: () => <ConfigPage /> };
