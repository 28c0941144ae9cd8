// The admin page's sections, by area. Each area adds its own (proposals, facilitator pool,
// dashboards, notifications) — visible to the roles that may use it.
import type { ComponentType } from 'react';
import type { Me } from '../../types';
import { hasRole } from '../../types';
import { RolesSection } from './RolesSection';
import { NotificationsSection } from './NotificationsSection';

export interface AdminSection {
  id: string;
  title: string;
  visible(me: Me): boolean;
  Component: ComponentType;
}

export const ADMIN_SECTIONS: AdminSection[] = [
  { id: 'roles', title: 'Roles', visible: (me) => hasRole(me, 'coordinator'), Component: RolesSection },
  { id: 'notifications', title: 'Notification delivery', visible: (me) => hasRole(me, 'coordinator'), Component: NotificationsSection },
];
