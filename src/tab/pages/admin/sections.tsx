// The admin page's sections, by area. Each area adds its own (proposals, facilitator pool,
// dashboards, insights, notifications) — visible to the roles that may use it.
import type { ComponentType } from 'react';
import type { Me } from '../../types';
import { hasRole } from '../../types';
import { RolesSection } from './RolesSection';
import { ChannelProposalsSection } from './ChannelProposalsSection';
import { ChannelLeadsSection } from './ChannelLeadsSection';
import { FacilitatorPoolSection } from './FacilitatorPoolSection';
import { FacilitationDashboardSection } from './FacilitationDashboardSection';
import { NotificationsSection } from './NotificationsSection';
import { InsightsSection } from './InsightsSection';

export interface AdminSection {
  id: string;
  title: string;
  visible(me: Me): boolean;
  Component: ComponentType;
}

export const ADMIN_SECTIONS: AdminSection[] = [
  { id: 'roles', title: 'Roles', visible: (me) => hasRole(me, 'coordinator'), Component: RolesSection },
  { id: 'channel-proposals', title: 'Channel proposals', visible: (me) => hasRole(me, 'coordinator'), Component: ChannelProposalsSection },
  { id: 'channel-leads', title: 'Channel leads', visible: (me) => hasRole(me, 'coordinator'), Component: ChannelLeadsSection },
  { id: 'facilitator-pool', title: 'Facilitator pool', visible: (me) => hasRole(me, 'coordinator'), Component: FacilitatorPoolSection },
  { id: 'facilitation-dashboard', title: 'Facilitation dashboard', visible: (me) => hasRole(me, 'coordinator'), Component: FacilitationDashboardSection },
  { id: 'insights', title: 'Hub insights', visible: (me) => hasRole(me, 'coordinator'), Component: InsightsSection },
  { id: 'notifications', title: 'Notification delivery', visible: (me) => hasRole(me, 'coordinator'), Component: NotificationsSection },
];
